-- The scorecard as a picture: SVG charts and a self-contained HTML report,
-- drawn inside the database from the scorecard, the yearly series, the delay
-- table, the baseline and the refresh log. See doc/report.md.
--
--   scorecard_svg(as_of)     one panel per active target
--   access_delay_svg(as_of)  mean and Kaplan-Meier median delay by year x linkage
--   report_html(as_of)       one page: tables, charts, baseline, freshness
--
-- The report_* helpers below draw the pieces. Every text that comes from the
-- data goes through report_escape; the output has no script and refers to
-- nothing outside itself. Colours are the Okabe-Ito palette, which readers
-- with a colour-vision deficiency can tell apart, and every status is also
-- written as a word.

-- ---- small helpers ------------------------------------------------------------------

-- Why: a target title such as 'R&D <script>' must show as text in SVG and
-- HTML alike; characters XML 1.0 forbids (control characters) are dropped so
-- the document stays well-formed.
CREATE FUNCTION report_escape(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT replace(replace(replace(replace(replace(
           regexp_replace(s, '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]', '', 'g'),
           '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$fn$;

-- Why: labels read better with as many decimals as the size of the number
-- deserves (1234, 12.3, 1.23), and large values stay short (12.5 k, 3 M,
-- 1.2 bn), so that an axis reaching far beyond the target keeps its labels
-- inside the panel.
CREATE FUNCTION report_number(x float8) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
           WHEN abs(x) >= 1e15 THEN btrim(to_char(x, '9.99EEEE'))
           WHEN abs(x) >= 1e9 THEN trim_scale(round((x / 1e9)::numeric, 1))::text || ' bn'
           WHEN abs(x) >= 1e6 THEN trim_scale(round((x / 1e6)::numeric, 1))::text || ' M'
           WHEN abs(x) >= 1e4 THEN trim_scale(round((x / 1e3)::numeric, 1))::text || ' k'
           WHEN abs(x) >= 100 THEN round(x::numeric)::text
           WHEN abs(x) >= 10 THEN trim_scale(round(x::numeric, 1))::text
           ELSE trim_scale(round(x::numeric, 2))::text
         END
$fn$;

-- Why: a date reads the same whatever the session's DateStyle (ISO
-- 8601, 2025-06-30), so that the same data give the same picture.
CREATE FUNCTION report_date(d date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT lpad(extract(year FROM d)::text, 4, '0') || '-' || lpad(extract(month FROM d)::text, 2, '0')
         || '-' || lpad(extract(day FROM d)::text, 2, '0')
$fn$;

-- Why: axis ticks fall on round numbers: the step is 1, 2 or 5 times a power
-- of ten, the smallest such step giving at most `ticks` intervals over span.
CREATE FUNCTION report_nice_step(span float8, ticks integer) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN span <= 0 OR ticks < 1 THEN 1::float8
              ELSE (SELECT min(m * p) FROM (SELECT power(10::float8, floor(log(span / ticks)))) AS e(p),
                                          (VALUES (1::float8), (2), (5), (10)) AS f(m)
                     WHERE m * p * ticks >= span) END
$fn$;

-- Why: a status is always shown as a word and a colour; the colour comes
-- from the Okabe-Ito palette (safe for colour-blind readers).
CREATE FUNCTION report_status_colour(status text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE status
           WHEN 'achieved' THEN '#009E73'      -- bluish green
           WHEN 'on_track' THEN '#56B4E9'      -- sky blue
           WHEN 'moderate' THEN '#F0E442'      -- yellow
           WHEN 'insufficient' THEN '#E69F00'  -- orange
           WHEN 'moving_away' THEN '#CC79A7'   -- reddish purple
           WHEN 'missed' THEN '#D55E00'        -- vermillion
           ELSE '#BBBBBB'                      -- no_data: grey
         END
$fn$;

-- Why: the status word a reader sees: the label with spaces, 'verdict: '
-- before it once the deadline has come.
CREATE FUNCTION report_status_word(status text, final boolean) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN final THEN 'verdict: ' ELSE '' END || replace(coalesce(status, 'no_data'), '_', ' ')
$fn$;

-- Why: long target titles wrap into lines of at most `width` characters
-- (a word longer than that gets a line of its own); at most `max_lines`
-- lines, the last one ending with an ellipsis when text was left out.
CREATE FUNCTION report_wrap(s text, width integer, max_lines integer) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  word text;
  line text := '';
  result text[] := '{}';
BEGIN
  FOREACH word IN ARRAY regexp_split_to_array(btrim(s), '\s+') LOOP
    IF line <> '' AND length(line) + 1 + length(word) > width THEN
      result := result || line;
      line := word;
    ELSE
      line := CASE WHEN line = '' THEN word ELSE line || ' ' || word END;
    END IF;
  END LOOP;
  IF line <> '' THEN result := result || line; END IF;
  IF cardinality(result) > max_lines THEN
    result := result[1:max_lines];
    result[max_lines] := left(result[max_lines], width - 1) || '…';
  END IF;
  RETURN result;
END
$fn$;

-- ---- one target's panel -------------------------------------------------------------

-- Why: the drawing of one target, from plain values (a JSON object with the
-- scorecard row, its target's start year and measure shape, and the series
-- as plotted: cumulative sums for a cumulative measure), so that the two
-- callers (scorecard_svg, report_html) and the tests of the edge cases
-- draw from the same code.
CREATE FUNCTION report_target_svg(card jsonb, series jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
  w constant float8 := 480;          -- panel width (height 312)
  x0 constant float8 := 58;          -- plot area, left
  x1 constant float8 := 452;         -- plot area, right
  y1 constant float8 := 262;         -- plot area, bottom
  y0 float8;                         -- plot area, top (below title and status)
  title_lines text[] := report_wrap(coalesce(card->>'title', card->>'target_id', '?'), 54, 3);
  status text := coalesce(card->>'status', 'no_data');
  final boolean := coalesce((card->>'deadline_passed')::boolean, false);
  unit text := coalesce(card->>'unit', '');
  kind text := card->>'kind';
  tv float8 := (card->>'target_value')::float8;
  bv float8 := (card->>'baseline_value')::float8;
  b_year integer := (card->>'baseline_year')::integer;
  s_year integer := (card->>'start_year')::integer;
  as_of date := (card->>'as_of')::date;
  deadline date := (card->>'deadline')::date;
  recurring boolean := coalesce((card->>'recurring')::boolean, false);
  t_dead float8;                     -- x of the deadline (years; a year's value sits at the year)
  t_goal float8;                     -- x where the required path reaches the target
  xmin float8; xmax float8; ymin float8; ymax float8; step float8; xstep integer;
  sx float8; sy float8;              -- the scales: pixels per year, per unit (negative: y grows down)
  n_points integer;
  v float8; t float8; i integer;
  sym text;
  svg text;
  g text := '';
  label text;
  legend text;
BEGIN
  t_dead := CASE WHEN deadline IS NULL THEN NULL ELSE decimal_year(deadline) - 1 END;
  t_goal := CASE WHEN recurring AND s_year IS NOT NULL THEN least(t_dead, s_year::float8) ELSE t_dead END;
  -- the values drawn: the series, the baseline, the target
  SELECT count(*), min(s.year), max(s.year),
         least(0, min(s.value), bv, tv), greatest(max(s.value), bv, tv)
    INTO n_points, xmin, xmax, ymin, ymax
    FROM jsonb_to_recordset(series) AS s(year integer, value float8, complete boolean)
   WHERE s.value IS NOT NULL;
  xmin := least(xmin, b_year, s_year, floor(t_dead));
  xmax := greatest(xmax, t_dead, b_year, s_year);
  -- (a real card always has a deadline; a card with no date at all gets the
  -- year before its as_of, or year 0: this function reads no clock)
  IF xmin IS NULL THEN xmin := coalesce(extract(year FROM as_of) - 1, 0); END IF;
  IF xmax IS NULL OR xmax <= xmin THEN xmax := xmin + 1; END IF;
  xmin := xmin - 0.3; xmax := xmax + 0.3;
  ymin := coalesce(ymin, 0); ymax := coalesce(ymax, 1);
  IF ymax <= ymin THEN ymax := ymin + 1; END IF;
  step := report_nice_step(ymax - ymin, 5);
  ymin := floor(ymin / step) * step;
  ymax := ceil(ymax * 1.04 / step) * step;
  xstep := CASE WHEN xmax - xmin > 24 THEN 5 WHEN xmax - xmin > 12 THEN 2 ELSE 1 END;
  -- a value v is drawn at x0 + (v - xmin) * sx, y1 + (v - ymin) * sy (rounded to 0.1)
  sx := (x1 - x0) / (xmax - xmin);

  -- title, status badge, the figures of the row
  y0 := 26 + 17 * cardinality(title_lines) + 34;
  sy := (y0 - y1) / (ymax - ymin);
  FOR i IN 1 .. cardinality(title_lines) LOOP
    g := g || format('<text x="12" y="%s" class="title">%s</text>', 8 + 17 * i, report_escape(title_lines[i]));
  END LOOP;
  label := report_status_word(status, final);
  g := g || format('<rect x="12" y="%s" width="%s" height="22" rx="4" fill="%s" stroke="#000" stroke-width="0.5"/>'
                   || '<text x="20" y="%s" class="status">%s</text>',
                   y0 - 48, 16 + 8.2 * length(label), report_status_colour(status), y0 - 32, report_escape(label));
  g := g || format('<text x="%s" y="%s" class="note">%s</text>', 36 + 8.2 * length(label), y0 - 32,
                   report_escape(concat_ws(' · ',
                     coalesce('now ' || report_number((card->>'current_value')::float8) || ' (' || (card->>'current_period') || ')', 'no value yet'),
                     'target ' || CASE kind WHEN 'at_least' THEN '≥ ' WHEN 'more_than' THEN '> ' WHEN 'at_most' THEN '≤ '
                                            WHEN 'less_than' THEN '< ' WHEN 'multiply_by' THEN '×' || report_number((card->>'factor')::float8) || ' = '
                                            ELSE '' END || coalesce(report_number(tv), '?'),
                     CASE WHEN nullif(card->>'years_short', '') IS NOT NULL THEN 'short in ' || (card->>'years_short') END)));

  -- axes and grid
  g := g || format('<text x="12" y="%s" class="axis">%s</text>', y0 - 8, report_escape(unit));
  v := ymin;
  WHILE v <= ymax + step / 2 LOOP
    g := g || format('<line x1="%s" x2="%s" y1="%3$s" y2="%3$s" class="grid"/><text x="%s" y="%s" class="tick" text-anchor="end">%s</text>',
                     x0, x1, round((y1 + (v - ymin) * sy)::numeric, 1), x0 - 6, round((y1 + (v - ymin) * sy)::numeric, 1) + 4,
                     report_number(v));
    v := v + step;
  END LOOP;
  FOR i IN ceil(xmin)::integer .. floor(xmax)::integer LOOP
    CONTINUE WHEN i % xstep <> 0;
    g := g || format('<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s" class="axisline"/><text x="%1$s" y="%4$s" class="tick" text-anchor="middle">%5$s</text>',
                     round((x0 + (i - xmin) * sx)::numeric, 1), y1, y1 + 4, y1 + 17, i);
  END LOOP;
  g := g || format('<line x1="%s" x2="%s" y1="%3$s" y2="%3$s" class="axisline"/>', x0, x1, y1);

  -- the deadline and the target
  IF t_dead IS NOT NULL THEN
    g := g || format('<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s" class="deadline"><title>deadline %4$s</title></line>'
                     || '<text x="%5$s" y="%6$s" class="note" text-anchor="end">deadline %4$s</text>',
                     round((x0 + (t_dead - xmin) * sx)::numeric, 1), y0, y1, report_date(deadline),
                     round((x0 + (t_dead - xmin) * sx)::numeric, 1) + 3, y0 - 4);
  END IF;
  IF tv IS NOT NULL THEN
    g := g || format('<line x1="%s" x2="%s" y1="%3$s" y2="%3$s" class="target"><title>target %4$s %5$s</title></line>'
                     || '<text x="%6$s" y="%7$s" class="target-label">target %4$s</text>',
                     x0, x1, round((y1 + (tv - ymin) * sy)::numeric, 1), report_number(tv), report_escape(unit),
                     x0 + 4, round((y1 + (tv - ymin) * sy)::numeric, 1) - 4);
  END IF;

  -- the required path from the baseline to the target
  IF bv IS NOT NULL AND b_year IS NOT NULL AND tv IS NOT NULL AND t_goal IS NOT NULL AND t_goal > b_year THEN
    label := '';
    FOR i IN 0 .. 20 LOOP
      t := b_year + (t_goal - b_year) * i / 20.0;
      label := label || format('%s,%s ', round((x0 + (t - xmin) * sx)::numeric, 1),
                               round((y1 + (required_path_value(bv, b_year + 1, tv, t_goal + 1, t + 1) - ymin) * sy)::numeric, 1));
    END LOOP;
    g := g || format('<polyline points="%s" class="path"><title>required path from the baseline to the target</title></polyline>', rtrim(label));
  END IF;

  -- the series: complete years joined by a solid line, a year so far by a
  -- dotted one (its value is partial, not a fall)
  IF n_points > 0 THEN
    SELECT string_agg(round((x0 + (s.year - xmin) * sx)::numeric, 1) || ',' || round((y1 + (s.value - ymin) * sy)::numeric, 1), ' ' ORDER BY s.year)
             FILTER (WHERE s.complete IS NOT FALSE),
           string_agg(format('<circle cx="%s" cy="%s" r="4" class="%s"><title>%s: %s %s%s</title></circle>',
                             round((x0 + (s.year - xmin) * sx)::numeric, 1), round((y1 + (s.value - ymin) * sy)::numeric, 1),
                             CASE WHEN s.complete IS FALSE THEN 'partial' ELSE 'point' END,
                             s.year, report_number(s.value), report_escape(unit),
                             CASE WHEN s.complete IS FALSE THEN ' (year so far)' ELSE '' END), '' ORDER BY s.year)
      INTO label, sym
      FROM jsonb_to_recordset(series) AS s(year integer, value float8, complete boolean)
     WHERE s.value IS NOT NULL;
    IF label LIKE '% %' THEN
      g := g || format('<polyline points="%s" class="series"/>', label);
    END IF;
    -- from the last complete year to each partial one, and a label on both
    SELECT g || coalesce(string_agg(format('<line x1="%s" y1="%s" x2="%s" y2="%s" class="sofar"/>',
                                           round((x0 + (c.year - xmin) * sx)::numeric, 1), round((y1 + (c.value - ymin) * sy)::numeric, 1),
                                           round((x0 + (p.year - xmin) * sx)::numeric, 1), round((y1 + (p.value - ymin) * sy)::numeric, 1)), ''), '')
      INTO g
      FROM jsonb_to_recordset(series) AS p(year integer, value float8, complete boolean)
     CROSS JOIN LATERAL (SELECT c.year, c.value
                           FROM jsonb_to_recordset(series) AS c(year integer, value float8, complete boolean)
                          WHERE c.value IS NOT NULL AND c.complete IS NOT FALSE AND c.year < p.year
                          ORDER BY c.year DESC LIMIT 1) AS c
     WHERE p.value IS NOT NULL AND p.complete IS FALSE;
    g := g || sym;
    SELECT g || coalesce(string_agg(format('<text x="%s" y="%s" class="%s"%s>%s</text>',
                                           round((x0 + (l.year - xmin) * sx)::numeric, 1)
                                             + CASE WHEN round((x0 + (l.year - xmin) * sx)::numeric, 1) > x1 - 70 THEN -8 ELSE 6 END,
                                           round((y1 + (l.value - ymin) * sy)::numeric, 1)
                                             + CASE WHEN l.complete IS FALSE
                                                         AND round((y1 + (l.value - ymin) * sy)::numeric, 1) < (y0 + y1) / 2 THEN 16 ELSE -7 END,
                                           CASE WHEN l.complete IS FALSE THEN 'sofar-label' ELSE 'value' END,
                                           CASE WHEN round((x0 + (l.year - xmin) * sx)::numeric, 1) > x1 - 70 THEN ' text-anchor="end"' ELSE '' END,
                                           report_number(l.value) || CASE WHEN l.complete IS FALSE THEN ' so far' ELSE '' END), ''), '')
      INTO g
      FROM (SELECT DISTINCT ON (s.complete IS FALSE) s.year, s.value, s.complete
              FROM jsonb_to_recordset(series) AS s(year integer, value float8, complete boolean)
             WHERE s.value IS NOT NULL
             ORDER BY s.complete IS FALSE, s.year DESC) AS l;
  ELSE
    g := g || format('<text x="%s" y="%s" class="empty" text-anchor="middle">no values yet%s</text>',
                     (x0 + x1) / 2, (y0 + y1) / 2, coalesce(' as of ' || report_date(as_of), ''));
  END IF;

  -- the baseline, on top
  IF bv IS NOT NULL AND b_year IS NOT NULL THEN
    g := g || format('<rect x="%s" y="%s" width="10" height="10" class="baseline"><title>baseline %s: %s %s</title></rect>',
                     round((x0 + (b_year - xmin) * sx)::numeric, 1) - 5, round((y1 + (bv - ymin) * sy)::numeric, 1) - 5,
                     b_year, report_number(bv), report_escape(unit));
  END IF;

  -- the legend
  legend := '<circle cx="16" cy="296" r="4" class="point"/><text x="24" y="300" class="legend">value</text>'
         || '<circle cx="72" cy="296" r="4" class="partial"/><text x="80" y="300" class="legend">year so far</text>'
         || '<line x1="152" x2="172" y1="296" y2="296" class="target"/><text x="176" y="300" class="legend">target</text>'
         || '<line x1="222" x2="242" y1="296" y2="296" class="path"/><text x="246" y="300" class="legend">required path</text>';
  legend := legend || CASE WHEN bv IS NULL
                           THEN '<text x="340" y="300" class="legend">no baseline</text>'
                           ELSE '<rect x="336" y="291.5" width="9" height="9" class="baseline"/><text x="349" y="300" class="legend">baseline ' || b_year || '</text>' END;

  svg := format('<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="312" viewBox="0 0 %1$s 312" role="img" font-family="sans-serif">'
                || '<title>%s</title><desc>%s</desc>'
                || '<style>.title{font-size:14px;font-weight:bold;fill:#000}.status{font-size:13px;font-weight:bold;fill:#000}'
                || '.note{font-size:11px;fill:#333}.axis{font-size:11px;fill:#333;font-style:italic}.tick{font-size:11px;fill:#333}'
                || '.grid{stroke:#ddd;stroke-width:1}.axisline{stroke:#666;stroke-width:1}'
                || '.deadline{stroke:#000;stroke-width:1;stroke-dasharray:2 3}'
                || '.target{stroke:#D55E00;stroke-width:2;stroke-dasharray:8 4}.target-label{font-size:11px;fill:#A04000;font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:3px}'
                || '.path{stroke:#666;stroke-width:1.5;stroke-dasharray:3 3;fill:none}'
                || '.baseline{fill:#666;stroke:#000;stroke-width:0.5}'
                || '.series{stroke:#0072B2;stroke-width:2.5;fill:none}.point{fill:#0072B2;stroke:#fff;stroke-width:1}'
                || '.partial{fill:#fff;stroke:#0072B2;stroke-width:2}.sofar{stroke:#0072B2;stroke-width:1.5;stroke-dasharray:2 3}'
                || '.sofar-label{font-size:11px;fill:#0072B2;paint-order:stroke;stroke:#fff;stroke-width:3px}.value{font-size:12px;font-weight:bold;fill:#0072B2;paint-order:stroke;stroke:#fff;stroke-width:3px}'
                || '.empty{font-size:14px;fill:#555}.legend{font-size:11px;fill:#333}</style>'
                || '<rect width="%1$s" height="312" fill="#fff"/>%4$s%5$s</svg>',
                w,
                report_escape(coalesce(card->>'title', card->>'target_id', '?')),
                report_escape(format('%s: status %s; %s values drawn; target %s %s by %s; baseline %s.',
                                     coalesce(card->>'target_id', '?'), report_status_word(status, final),
                                     n_points, coalesce(kind, '?'), coalesce(report_number(tv), 'unknown'),
                                     coalesce(report_date(deadline), '?'),
                                     coalesce(b_year || ': ' || report_number(bv), 'none'))),
                g, legend);
  RETURN svg;
END
$fn$;

-- ---- the scorecard's data for drawing -------------------------------------------------

-- Why: scorecard_svg and report_html draw from the same rows: each active
-- target's scorecard row (as JSON, with its target's start year, indicator
-- and measure shape) and its series as plotted (a cumulative measure summed
-- from the target's start year), each computed once per call: the scorecard
-- is scorecard_at's query over the same series (one indicator_series_at).
CREATE FUNCTION report_cards(as_of date)
RETURNS TABLE (target_id text, card jsonb, series jsonb)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT @extschema@.checked_as_of($1);
  WITH ser AS MATERIALIZED (SELECT * FROM @extschema@.indicator_series_at($1)),
       sc AS MATERIALIZED (
--@include src/sql/queries/scorecard.sql {as_of}=$1 {series}=ser
       )
  SELECT sc.target_id,
         to_jsonb(sc) || jsonb_build_object('start_year', t.start_year, 'indicator', t.indicator, 'shape', m.shape),
         coalesce((SELECT jsonb_agg(jsonb_build_object('year', p.year, 'value', p.value, 'complete', p.complete)
                                    ORDER BY p.year)
                     FROM (SELECT s.year, s.complete,
                                  CASE WHEN m.shape = 'cumulative'
                                       THEN sum(s.value) OVER (ORDER BY s.year) ELSE s.value END AS value
                             FROM ser s
                            WHERE s.measure = sc.measure
                              AND (m.shape <> 'cumulative' OR s.year >= t.start_year)) AS p),
                  '[]'::jsonb)
    FROM sc
    JOIN @extschema@.target t ON t.id = sc.target_id
    JOIN @extschema@.measure m ON m.name = sc.measure
   ORDER BY sc.roadmap, sc.axis, sc.target_id
$fn$;

-- Why: a figure of several panels is one standalone SVG: the panels side by
-- side, `columns` to a row, each kept whole (a nested svg at its place).
CREATE FUNCTION report_svg_grid(panels text[], columns integer, panel_width integer, panel_height integer,
                                title text, description text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT format('<svg xmlns="http://www.w3.org/2000/svg" width="%1$s" height="%2$s" viewBox="0 0 %1$s %2$s" role="img" font-family="sans-serif">'
                || '<title>%3$s</title><desc>%4$s</desc><rect width="%1$s" height="%2$s" fill="#fff"/>%5$s</svg>',
                panel_width * least(greatest(coalesce(cardinality(panels), 0), 1), columns),
                panel_height * greatest(ceil(coalesce(cardinality(panels), 0)::numeric / columns)::integer, 1),
                report_escape(title), report_escape(description),
                coalesce((SELECT string_agg(format('<g transform="translate(%s,%s)">%s</g>',
                                                   ((k - 1) % columns) * panel_width, ((k - 1) / columns) * panel_height, p),
                                            '' ORDER BY k)
                            FROM unnest(panels) WITH ORDINALITY AS u(p, k)),
                         format('<text x="20" y="40" font-size="14">%s</text>', report_escape('nothing to draw: ' || description))))
$fn$;

CREATE FUNCTION scorecard_svg(as_of date DEFAULT CURRENT_DATE) RETURNS text
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT @extschema@.report_svg_grid(
           array(SELECT @extschema@.report_target_svg(c.card, c.series)
                   FROM @extschema@.report_cards($1) AS c),
           2, 480, 312,
           'Roadmap scorecard as of ' || @extschema@.report_date($1),
           format('One panel per active target (%s): its yearly values, baseline, required path, target, deadline and status, as known on %s.',
                  (SELECT count(*) FROM @extschema@.target t WHERE t.active), @extschema@.report_date($1)))
$fn$;

-- ---- the access delay -----------------------------------------------------------------

-- Why: one chart of the delay table: one line per linkage type (a colour
-- and a marker shape each, named in the legend) of one statistic by year,
-- with the target line; rows is access_delay_at's rows as a JSON array.
CREATE FUNCTION report_delay_svg(delays jsonb, metric text, target float8) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
  x0 constant float8 := 52; x1 constant float8 := 452; y0 constant float8 := 56; y1 constant float8 := 250;
  xmin float8; xmax float8; ymax float8; step float8; v float8; i integer;
  sx float8; sy float8;              -- the scales, as in report_target_svg
  name text := CASE metric WHEN 'mean_months' THEN 'Mean access delay'
                           WHEN 'km_median_months' THEN 'Kaplan–Meier median access delay'
                           ELSE metric END;
  g text := '';
  r record;
  n integer := 0;                    -- lines drawn so far
  colour text;
  shape integer;
  lx numeric := 12; ly numeric := 282;
BEGIN
  IF metric NOT IN ('mean_months', 'km_median_months', 'median_months', 'p90_months') THEN
    RAISE EXCEPTION 'unknown delay statistic "%"', metric
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Use mean_months, km_median_months, median_months or p90_months.';
  END IF;
  SELECT min(d.year), max(d.year), greatest(max((d.row->>metric)::float8), target)
    INTO xmin, xmax, ymax
    FROM jsonb_array_elements(coalesce(delays, '[]')) AS e(row)
   CROSS JOIN LATERAL (SELECT (e.row->>'year')::integer AS year, e.row) AS d;
  IF xmin IS NULL THEN xmin := 0; xmax := 0; END IF;     -- no row: no year on the axis (below)
  IF xmax <= xmin THEN xmax := xmin + 1; END IF;
  xmin := xmin - 0.3; xmax := xmax + 0.3;
  ymax := greatest(coalesce(ymax, 1), 1);
  step := report_nice_step(ymax, 5);
  ymax := ceil(ymax * 1.04 / step) * step;
  sx := (x1 - x0) / (xmax - xmin);
  sy := (y0 - y1) / ymax;

  g := format('<text x="12" y="22" class="title">%s, months</text>', report_escape(name));
  g := g || '<text x="12" y="38" class="note">' || CASE metric WHEN 'km_median_months'
                THEN 'by year of availability; pending projects count (censored); a gap: not yet below ½'
                ELSE 'by year of availability, completed projects only; a gap: no project completed that year' END || '</text>';
  v := 0;
  WHILE v <= ymax + step / 2 LOOP
    g := g || format('<line x1="%s" x2="%s" y1="%3$s" y2="%3$s" class="grid"/><text x="%s" y="%s" class="tick" text-anchor="end">%s</text>',
                     x0, x1, round((y1 + v * sy)::numeric, 1), x0 - 6, round((y1 + v * sy)::numeric, 1) + 4, report_number(v));
    v := v + step;
  END LOOP;
  FOR i IN ceil(xmin)::integer .. floor(xmax)::integer LOOP
    CONTINUE WHEN (xmax - xmin > 12 AND i % 2 <> 0) OR jsonb_array_length(coalesce(delays, '[]')) = 0;
    g := g || format('<text x="%s" y="%s" class="tick" text-anchor="middle">%s</text>',
                     round((x0 + (i - xmin) * sx)::numeric, 1), y1 + 16, i);
  END LOOP;
  g := g || format('<line x1="%s" x2="%s" y1="%3$s" y2="%3$s" class="axisline"/>', x0, x1, y1);
  IF target IS NOT NULL THEN
    g := g || format('<line x1="%s" x2="%s" y1="%3$s" y2="%3$s" class="target"><title>target %4$s months</title></line>'
                     || '<text x="%5$s" y="%6$s" class="target-label">target %4$s months</text>',
                     x0, x1, round((y1 + target * sy)::numeric, 1), report_number(target),
                     x0 + 4, round((y1 + target * sy)::numeric, 1) - 4);
  END IF;

  -- one line per linkage type: all_linked first, none last, the others by name
  FOR r IN
    SELECT d.linkage,
           string_agg(round((x0 + (d.year - xmin) * sx)::numeric, 1) || ',' || round((y1 + d.v * sy)::numeric, 1), ' ' ORDER BY d.year)
             FILTER (WHERE d.v IS NOT NULL) AS points,
           array_agg(d.year ORDER BY d.year) FILTER (WHERE d.v IS NOT NULL) AS years,
           array_agg(d.v ORDER BY d.year) FILTER (WHERE d.v IS NOT NULL) AS vals
      FROM (SELECT e.row->>'linkage' AS linkage, (e.row->>'year')::integer AS year, (e.row->>metric)::float8 AS v
              FROM jsonb_array_elements(coalesce(delays, '[]')) AS e(row)) AS d
     GROUP BY d.linkage
     ORDER BY d.linkage = 'none', d.linkage <> 'all_linked', d.linkage
  LOOP
    -- the n-th line (from 0): its colour and its marker shape
    colour := (ARRAY['#000000', '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'])[n % 7 + 1];
    shape := n % 4;
    IF r.points IS NOT NULL THEN
      g := g || format('<polyline points="%s" fill="none" stroke="%s" stroke-width="%s"%s/>', r.points, colour,
                       CASE WHEN r.linkage = 'all_linked' THEN 3 ELSE 1.5 END,
                       CASE shape WHEN 1 THEN ' stroke-dasharray="6 3"' WHEN 2 THEN ' stroke-dasharray="2 2"'
                                    WHEN 3 THEN ' stroke-dasharray="8 2 2 2"' ELSE '' END);
      FOR i IN 1 .. cardinality(r.years) LOOP
        g := g || report_delay_marker(shape, round((x0 + (r.years[i] - xmin) * sx)::numeric, 1),
                                      round((y1 + r.vals[i] * sy)::numeric, 1), colour,
                                      format('%s %s: %s months', r.linkage, r.years[i], report_number(r.vals[i])));
      END LOOP;
    END IF;
    -- legend entry (also for a linkage with nothing to draw)
    g := g || report_delay_marker(shape, lx + 5, ly - 4, colour, NULL)
           || format('<text x="%s" y="%s" class="legend">%s</text>', lx + 13, ly, report_escape(replace(r.linkage, '_', ' ')));
    lx := lx + 24 + 6.5 * length(r.linkage);
    IF lx > 400 THEN lx := 12; ly := ly + 16; END IF;
    n := n + 1;
  END LOOP;
  IF n = 0 THEN
    g := g || format('<text x="%s" y="%s" class="empty" text-anchor="middle">no delays yet</text>', (x0 + x1) / 2, (y0 + y1) / 2);
  END IF;

  RETURN format('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="312" viewBox="0 0 480 312" role="img" font-family="sans-serif">'
                || '<title>%s by year and linkage type</title><desc>%s</desc>'
                || '<style>.title{font-size:14px;font-weight:bold;fill:#000}.note{font-size:10.5px;fill:#333}.tick{font-size:11px;fill:#333}'
                || '.grid{stroke:#ddd;stroke-width:1}.axisline{stroke:#666;stroke-width:1}'
                || '.target{stroke:#D55E00;stroke-width:2;stroke-dasharray:8 4}.target-label{font-size:11px;fill:#A04000;font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:3px}'
                || '.legend{font-size:11px;fill:#000}.empty{font-size:14px;fill:#555}</style>'
                || '<rect width="480" height="312" fill="#fff"/>%s</svg>',
                report_escape(name),
                report_escape(format('%s in months by year of availability, one line per linkage type (%s)%s.', name, n,
                                     coalesce(', target line at ' || report_number(target) || ' months', ''))),
                g);
END
$fn$;

-- Why: each linkage type has its own marker shape as well as its own
-- colour (circle, square, triangle, diamond), so the lines are told apart
-- without colour; a tooltip names the point.
CREATE FUNCTION report_delay_marker(shape integer, x numeric, y numeric, colour text, tooltip text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT CASE shape % 4
           WHEN 0 THEN format('<circle cx="%s" cy="%s" r="4" fill="%s">', x, y, colour)
           WHEN 1 THEN format('<rect x="%s" y="%s" width="8" height="8" fill="%s">', x - 4, y - 4, colour)
           WHEN 2 THEN format('<polygon points="%s,%s %s,%s %s,%s" fill="%s">', x, y - 5, x - 5, y + 4, x + 5, y + 4, colour)
           ELSE format('<polygon points="%s,%s %s,%s %s,%s %s,%s" fill="%s">', x, y - 5, x + 5, y, x, y + 5, x - 5, y, colour)
         END
         || coalesce('<title>' || report_escape(tooltip) || '</title>', '')
         || CASE shape % 4 WHEN 0 THEN '</circle>' WHEN 1 THEN '</rect>' ELSE '</polygon>' END
$fn$;

-- Why: the target line of the delay charts is the active target on the
-- linkage_access_delay measure (7 months in the HDH roadmap), if there is one.
CREATE FUNCTION report_delay_target() RETURNS float8
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT t.value FROM @extschema@.target t
   WHERE t.active AND t.measure = 'linkage_access_delay' AND t.kind IN ('at_most', 'less_than')
   ORDER BY t.deadline, t.id LIMIT 1
$fn$;

CREATE FUNCTION access_delay_svg(as_of date DEFAULT CURRENT_DATE) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  WITH d AS MATERIALIZED (
    SELECT coalesce(jsonb_agg(to_jsonb(a)), '[]'::jsonb) AS rows
      FROM @extschema@.access_delay_at($1) AS a)
  SELECT @extschema@.report_svg_grid(
           ARRAY[@extschema@.report_delay_svg(d.rows, 'mean_months', @extschema@.report_delay_target()),
                 @extschema@.report_delay_svg(d.rows, 'km_median_months', @extschema@.report_delay_target())],
           2, 480, 312,
           'Data access delay as of ' || @extschema@.report_date($1),
           'Mean and Kaplan–Meier median access delay in months by year of availability and linkage type, with the target line, as known on ' || @extschema@.report_date($1) || '.')
    FROM d
$fn$;

-- ---- the page -------------------------------------------------------------------------

-- Why: an HTML table cell holding a number, right-aligned, '–' for NULL,
-- with the column's name for the narrow-screen layout (label NULL: none).
CREATE FUNCTION report_cell(x float8, label text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT '<td class="num"' || coalesce(' data-label="' || report_escape(label) || '"', '') || '>'
         || coalesce(report_number(x), '–') || '</td>'
$fn$;

CREATE FUNCTION report_html(as_of date DEFAULT CURRENT_DATE) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
  day date := @extschema@.checked_as_of(as_of);
  cards jsonb;
  delays jsonb;
  target float8 := @extschema@.report_delay_target();
  body text;
  freshness text;
BEGIN
  SELECT coalesce(jsonb_agg(jsonb_build_object('card', c.card, 'series', c.series)), '[]'::jsonb)
    INTO cards FROM @extschema@.report_cards(day) AS c;
  SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.year, a.linkage = 'none', a.linkage <> 'all_linked', a.linkage), '[]'::jsonb)
    INTO delays FROM @extschema@.access_delay_at(day) AS a;

  -- one phrase per as-of date: the views refresh() refreshed together are
  -- named together, with the time the last of them finished
  SELECT CASE WHEN bool_and(f.never)
              THEN 'The materialized views have not been refreshed since the extension was created or restored; this page is computed from the tables themselves.'
              ELSE 'Materialized views last refreshed '
                   || string_agg(f.phrase, '; ' ORDER BY f.never, f.finished DESC NULLS LAST)
                   || '. This page is computed from the tables themselves, as of the date above.' END
    INTO freshness
    FROM (SELECT l.finished_at IS NULL AS never, max(l.finished_at) AS finished,
                 CASE WHEN l.finished_at IS NULL THEN 'never: '
                      ELSE format('on %s (as of %s): ', to_char(max(l.finished_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), report_date(l.as_of))
                 END || string_agg(l.view_name, ', ' ORDER BY l.view_name) AS phrase
            FROM @extschema@.last_refresh l
           GROUP BY l.finished_at IS NULL, l.as_of) AS f;

  -- no clock time on the page: the same data and date give the same page
  body := format('<header><h1>Roadmap scorecard</h1><p class="meta">As of <strong>%s</strong> · %s</p></header>',
                 report_date(day), report_escape(freshness));

  -- the scorecard table
  body := body || '<section><h2>Targets</h2><div class="scroll"><table class="scorecard"><thead><tr>'
    || '<th>Target</th><th>Status</th><th class="num">Current</th><th>Period</th><th class="num">Target</th>'
    || '<th class="num">Baseline</th><th class="num">Expected</th><th class="num">Ratio</th><th>Deadline</th></tr></thead><tbody>'
    || coalesce((SELECT string_agg(format(
         '<tr><td class="what"><span class="roadmap">%s · axis %s</span><br/>%s</td><td data-label="Status"><span><span class="status" style="background:%s">%s</span>%s</span></td>'
         || '%s<td data-label="Period" class="nowrap">%s</td>%s%s%s%s<td data-label="Deadline" class="nowrap">%s</td></tr>',
         report_escape(e.c->>'roadmap'), e.c->>'axis', report_escape(e.c->>'title'),
         report_status_colour(e.c->>'status'), report_escape(report_status_word(e.c->>'status', (e.c->>'deadline_passed')::boolean)),
         CASE WHEN nullif(e.c->>'years_short', '') IS NOT NULL THEN ' <small class="nowrap">short in ' || report_escape(e.c->>'years_short') || '</small>' ELSE '' END,
         report_cell((e.c->>'current_value')::float8, 'Current'), coalesce(report_escape(e.c->>'current_period'), '–'),
         report_cell((e.c->>'target_value')::float8, 'Target'), report_cell((e.c->>'baseline_value')::float8, 'Baseline'),
         report_cell((e.c->>'expected_value')::float8, 'Expected'), report_cell((e.c->>'progress_ratio')::float8, 'Ratio'),
         e.c->>'deadline'), '' ORDER BY e.k)
       FROM jsonb_array_elements(cards) WITH ORDINALITY AS x(item, k)
      CROSS JOIN LATERAL (SELECT x.item->'card' AS c, x.k) AS e),
      '<tr><td colspan="9">No active target.</td></tr>')
    || '</tbody></table></div>'
    || '<p class="legend">Status: achieved, on track (progress ratio ≥ 0.95), moderate (0.60–0.95), insufficient (0–0.60), moving away (&lt; 0), no data; once the deadline has come, a verdict: achieved or missed. Ratio: observed over required annual growth (Eurostat).</p></section>';

  -- the charts
  body := body || '<section><h2>Targets, year by year</h2><div class="panels">'
    || coalesce((SELECT string_agg('<figure>' || @extschema@.report_target_svg(x.item->'card', x.item->'series') || '</figure>', '' ORDER BY x.k)
                   FROM jsonb_array_elements(cards) WITH ORDINALITY AS x(item, k)), '<p>No active target.</p>')
    || '</div></section>';

  -- the delay charts and table
  body := body || '<section><h2>Data access delay</h2><div class="panels">'
    || '<figure>' || @extschema@.report_delay_svg(delays, 'mean_months', target) || '</figure>'
    || '<figure>' || @extschema@.report_delay_svg(delays, 'km_median_months', target) || '</figure></div>'
    || '<div class="scroll"><table><thead><tr><th>Year</th><th>Linkage</th><th class="num">Completed</th><th class="num">Pending</th>'
    || '<th class="num">Mean</th><th class="num">Median</th><th class="num">P90</th><th class="num">KM median</th><th class="num">Within 7 months</th></tr></thead><tbody>'
    || coalesce((SELECT string_agg(format('<tr><td>%s</td><td>%s</td><td class="num">%s</td><td class="num">%s</td>%s%s%s%s<td class="num">%s</td></tr>',
                                          d.row->>'year', report_escape(replace(d.row->>'linkage', '_', ' ')),
                                          d.row->>'completed', d.row->>'pending',
                                          report_cell((d.row->>'mean_months')::float8, NULL), report_cell((d.row->>'median_months')::float8, NULL),
                                          report_cell((d.row->>'p90_months')::float8, NULL), report_cell((d.row->>'km_median_months')::float8, NULL),
                                          coalesce(round((d.row->>'share_within_7_months')::numeric * 100) || ' %', '–')),
                                   '' ORDER BY d.k)
                   FROM jsonb_array_elements(delays) WITH ORDINALITY AS d(row, k)),
                '<tr><td colspan="9">No project yet.</td></tr>')
    || '</tbody></table></div><p class="legend">Months from submission to data made available, by year of availability and linkage type (all linked: every linkage but none). '
    || 'Pending: still waiting at the end of the year (or on the as-of date); the Kaplan–Meier median counts them, the mean, median and P90 do not.</p></section>';

  -- the baseline
  body := body || '<section><h2>Baseline</h2><div class="scroll"><table><thead><tr><th>Period</th><th>Axis</th><th>What</th><th>Figure</th></tr></thead><tbody>'
    || coalesce((SELECT string_agg(format('<tr><td class="nowrap">%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
                                          report_escape(b.period), coalesce(b.axis::text, '–'), report_escape(b.label), report_escape(b.figure)),
                                   '' ORDER BY b.display_order NULLS LAST, b.fact_id)
                   FROM @extschema@.baseline b), '<tr><td colspan="4">No baseline figure.</td></tr>')
    || '</tbody></table></div></section>';

  body := body || '<footer><p>Drawn by the hdh_roadmap extension: <code>SELECT hdh_roadmap.report_html(''' || report_date(day) || ''')</code>.</p></footer>';

  RETURN '<!DOCTYPE html>' || E'\n'
    || '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>'
    || '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
    || '<title>Roadmap scorecard as of ' || report_date(day) || '</title><style>'
    || 'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:12px;max-width:1100px;color:#111;background:#fff;line-height:1.35}'
    || 'h1{font-size:1.6em;margin:0.2em 0}h2{font-size:1.25em;margin:1.2em 0 0.4em;border-bottom:2px solid #0072B2}'
    || '.meta,.legend,footer{font-size:0.85em;color:#333}'
    || '.scroll{overflow-x:auto;max-width:100%}'
    || 'table{border-collapse:collapse;width:100%;font-size:0.9em}th,td{border-bottom:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}'
    || 'th{background:#f2f2f2}.num{text-align:right;font-variant-numeric:tabular-nums}'
    || '.status{display:inline-block;padding:1px 6px;border:1px solid #000;border-radius:4px;font-weight:bold;white-space:nowrap}'
    || '.roadmap{font-size:0.8em;color:#555}'
    || '.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:12px}'
    || 'figure{margin:0;border:1px solid #ddd;break-inside:avoid;page-break-inside:avoid}figure svg{display:block;width:100%;height:auto}'
    || '.nowrap{white-space:nowrap}'
    || '@media (max-width:600px){body{padding:6px}table{font-size:0.85em}th,td{padding:3px 4px}'
    || 'table.scorecard thead{display:none}table.scorecard,table.scorecard tbody,table.scorecard tr{display:block}'
    || 'table.scorecard tr{border:1px solid #ccc;border-radius:6px;margin:0 0 10px;padding:4px 6px}'
    || 'table.scorecard td{display:flex;justify-content:space-between;gap:8px;border:0;padding:2px 0;text-align:right}'
    || 'table.scorecard td.what{display:block;text-align:left;font-weight:bold}'
    || 'table.scorecard td::before{content:attr(data-label);font-weight:normal;color:#555;text-align:left}}'
    || '@page{size:A4;margin:12mm}'
    || '@media print{body{max-width:none;padding:0;font-size:10pt}.scroll{overflow:visible}.panels{grid-template-columns:1fr 1fr}'
    || 'section{break-inside:auto}tr{break-inside:avoid}h2{break-after:avoid}'
    || '*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}'
    || '</style></head><body>' || body || '</body></html>' || E'\n';
END
$fn$;

-- ---- comments ----------------------------------------------------------------------

COMMENT ON FUNCTION report_escape(text) IS
  'The text escaped for XML and HTML (& < > " '' as entities), with the control characters XML 1.0 forbids removed: every text from the data goes through it in the report';
COMMENT ON FUNCTION report_number(float8) IS
  'A number as a short label: two decimals below 10, one from 10, none from 100 (trailing zeros dropped); from 10,000 in thousands (k), from a million in millions (M), from a billion in billions (bn), one decimal; scientific notation from 1e15';
COMMENT ON FUNCTION report_date(date) IS
  'The date as ISO 8601 text (2025-06-30) whatever DateStyle says: every date the report writes';
COMMENT ON FUNCTION report_nice_step(float8, integer) IS
  'Axis step for a span: the smallest 1, 2 or 5 times a power of ten giving at most ticks intervals; 1 for an empty span';
COMMENT ON FUNCTION report_status_colour(text) IS
  'Okabe-Ito colour of a progress_status label (colour-blind safe): achieved bluish green, on_track sky blue, moderate yellow, insufficient orange, moving_away reddish purple, missed vermillion, no_data grey';
COMMENT ON FUNCTION report_status_word(text, boolean) IS
  'A status as the report writes it: the label with spaces (on track), after ''verdict: '' when final';
COMMENT ON FUNCTION report_wrap(text, integer, integer) IS
  'Word-wraps a text into lines of at most width characters (a longer word keeps a line of its own), at most max_lines lines, the last ending with … when text was left out';
COMMENT ON FUNCTION report_target_svg(jsonb, jsonb) IS
  'One target''s panel, a standalone 480x312 SVG: title, status word and colour, yearly values, baseline, required path, target line and deadline; card is a report_cards row''s card, series its [{year, value, complete}]';
COMMENT ON FUNCTION report_cards(date) IS
  'The drawing data of each active target as known on as_of: its scorecard_at row with start_year, indicator and shape as JSON, and its series as plotted (cumulative measures summed from the start year)';
COMMENT ON FUNCTION report_svg_grid(text[], integer, integer, integer, text, text) IS
  'Standalone SVG placing the panels columns to a row, each panel_width x panel_height, with the given title and description';
COMMENT ON FUNCTION scorecard_svg(date) IS
  'The scorecard as a standalone SVG (valid XML, no script, no external reference): one panel per active target with its yearly values, baseline, required path, target, deadline and status as a word and an Okabe-Ito colour, as known on as_of; a NULL as_of is an error (22004). See doc/report.md';
COMMENT ON FUNCTION report_delay_svg(jsonb, text, float8) IS
  'One delay chart, a standalone 480x312 SVG: the statistic metric (mean_months, km_median_months, median_months, p90_months) of access_delay_at rows (a JSON array) by year, one line per linkage type (colour and marker), with the target line';
COMMENT ON FUNCTION report_delay_marker(integer, numeric, numeric, text, text) IS
  'SVG marker of a delay chart: circle, square, triangle or diamond (shape modulo 4) of the colour, with an optional tooltip';
COMMENT ON FUNCTION report_delay_target() IS
  'Value of the active at_most / less_than target on the linkage_access_delay measure (the earliest deadline first): the target line of the delay charts; NULL when there is none';
COMMENT ON FUNCTION access_delay_svg(date) IS
  'The access delay as a standalone SVG: mean and Kaplan-Meier median months by year and linkage type, with the target line, as known on as_of; a NULL as_of is an error (22004). See doc/report.md';
COMMENT ON FUNCTION report_cell(float8, text) IS
  'An HTML table cell with a number (report_number), right-aligned, – for NULL, its column named by label (data-label) for the narrow-screen layout';
COMMENT ON FUNCTION report_html(date) IS
  'The roadmap report as one self-contained HTML page (inline CSS and SVG, no JavaScript, nothing fetched): scorecard table, target charts, delay charts and table, baseline, as-of date and last refresh; prints on A4 and reads on a phone. psql -XAtc "SELECT hdh_roadmap.report_html()" > report.html. See doc/report.md';
