-- Enums shared by the reference tables and the progress scoring.

CREATE TYPE target_kind AS ENUM ('at_least', 'more_than', 'at_most', 'less_than', 'multiply_by');
COMMENT ON TYPE target_kind IS
  'How a target is met: at_least (>=), more_than (>), at_most (<=), less_than (<), or multiply_by (the baseline value times a factor, increase desired)';

CREATE TYPE progress_status AS ENUM ('achieved', 'missed', 'on_track', 'moderate', 'insufficient', 'moving_away', 'no_data');
COMMENT ON TYPE progress_status IS
  'Status of an indicator against its target: achieved; missed (measured at or after the target time and not met: a verdict); or, before that, the Eurostat progress class on_track (ratio >= 0.95), moderate (0.60 to 0.95), insufficient (0 to 0.60), moving_away (< 0); no_data';
