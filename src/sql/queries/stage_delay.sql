-- Delays stage by stage, by year and linkage type, as known on {as_of} (a
-- view and its function: src/sql/57_monitoring.sql). Each stage runs from
-- one milestone to the next: file_completion submitted -> file complete,
-- committee_opinion file complete -> opinion, authorisation opinion (or
-- file complete when the opinion was skipped) -> authorised, data_provision
-- authorised -> data available. A stage whose start milestone is unknown is
-- not counted; one whose end milestone was skipped (unknown while a later
-- one is known) is not counted either. For year Y the cohort is, as in
-- access_delay, the stages started by the cutoff min(31 December Y, {as_of})
-- and not ended before 1 January Y: ended by the cutoff = completed, else
-- pending, censored at the cutoff.
WITH
--@include src/sql/queries/monitoring_grid.sql {on}={as_of}
known AS (
--@include src/sql/queries/monitoring_known.sql {on}={as_of}
),
spans AS (
  SELECT m.linkage, st.stage, st.started, m.known[st.ends] AS ended
    FROM known m
   CROSS JOIN LATERAL (VALUES
           ('file_completion', m.known[1], 2),
           ('committee_opinion', m.known[2], 3),
           ('authorisation', coalesce(m.known[3], CASE WHEN m.last_known > 3 THEN m.known[2] END), 4),
           ('data_provision', m.known[4], 5)) AS st(stage, started, ends)
   WHERE st.started IS NOT NULL
     AND (m.known[st.ends] IS NOT NULL OR m.last_known < st.ends)),
by_linkage AS (
  SELECT y.year, s.linkage, s.stage, delay_agg(s.started, s.ended, y.cutoff) AS s
    FROM years y
    JOIN spans s ON s.started <= y.cutoff AND (s.ended IS NULL OR s.ended >= y.first_day)
   GROUP BY y.year, s.linkage, s.stage),
summaries AS (
  SELECT b.year, b.linkage, b.stage, b.s FROM by_linkage b
  UNION ALL
  SELECT b.year, 'all_linked', b.stage, rollup(b.s) FROM by_linkage b WHERE b.linkage <> 'none' GROUP BY b.year, b.stage),
stages AS (
  SELECT * FROM (VALUES (1, 'file_completion'), (2, 'committee_opinion'), (3, 'authorisation'),
                        (4, 'data_provision')) AS v(ord, stage))
SELECT y.year, g.linkage, st.stage,
       coalesce(completed(x.s), 0) AS completed,
       coalesce(pending(x.s), 0) AS pending,
       mean_days(x.s) AS mean_days,
       median_days(x.s) AS median_days,
       km_median_days(x.s) AS km_median_days
  FROM years y CROSS JOIN groups g CROSS JOIN stages st
  LEFT JOIN summaries x ON x.year = y.year AND x.linkage = g.linkage AND x.stage = st.stage
 ORDER BY y.year, g.ord, st.ord
