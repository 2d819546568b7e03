-- Compliance with each active deadline, by year and linkage type, as known
-- on {as_of} (a view and its function: src/sql/57_monitoring.sql). A
-- deadline's span runs from its from_milestone to its to_milestone; a
-- project is counted when the start is known on {as_of} and the end was
-- not skipped (unknown while a later milestone is known). For year Y the
-- cohort is, as in access_delay, the spans started by the cutoff
-- min(31 December Y, {as_of}) and not ended before 1 January Y: ended by the
-- cutoff = decided (within the deadline, within the extension, or late),
-- else open (still within the extended deadline at the cutoff) or overdue.
WITH
--@include src/sql/queries/monitoring_grid.sql {on}={as_of}
known AS (
--@include src/sql/queries/monitoring_known.sql {on}={as_of}
),
bounds AS (
  SELECT d.id, d.days, d.extension_days,
         array_position(enum_range(NULL::milestone), d.from_milestone) AS starts,
         array_position(enum_range(NULL::milestone), d.to_milestone) AS ends
    FROM deadline d
   WHERE d.active),
spans AS (
  SELECT b.id, b.days, b.extension_days, m.linkage, m.known[b.starts] AS started, m.known[b.ends] AS ended
    FROM bounds b CROSS JOIN known m
   WHERE m.known[b.starts] IS NOT NULL
     AND (m.known[b.ends] IS NOT NULL OR m.last_known < b.ends)),
cohort AS (
  SELECT s.id, y.year, s.linkage, s.started, s.ended, y.cutoff, s.days, s.days + s.extension_days AS extended,
         s.ended <= y.cutoff AS decided,
         least(s.ended, y.cutoff) - s.started AS elapsed
    FROM years y
    JOIN spans s ON s.started <= y.cutoff AND (s.ended IS NULL OR s.ended >= y.first_day)),
by_linkage AS (
  SELECT c.id, c.year, c.linkage,
         count(*) FILTER (WHERE c.decided AND c.elapsed <= c.days) AS within_deadline,
         count(*) FILTER (WHERE c.decided AND c.elapsed > c.days AND c.elapsed <= c.extended) AS within_extension,
         count(*) FILTER (WHERE c.decided AND c.elapsed > c.extended) AS late,
         count(*) FILTER (WHERE c.decided IS NOT TRUE AND c.elapsed <= c.extended) AS open,
         count(*) FILTER (WHERE c.decided IS NOT TRUE AND c.elapsed > c.extended) AS overdue,
         delay_agg(c.started, c.ended, c.cutoff) AS s
    FROM cohort c
   GROUP BY c.id, c.year, c.linkage),
summaries AS (
  SELECT * FROM by_linkage
  UNION ALL
  SELECT b.id, b.year, 'all_linked', sum(b.within_deadline)::bigint, sum(b.within_extension)::bigint,
         sum(b.late)::bigint, sum(b.open)::bigint, sum(b.overdue)::bigint, rollup(b.s)
    FROM by_linkage b WHERE b.linkage <> 'none' GROUP BY b.id, b.year)
SELECT b.id AS deadline, y.year, g.linkage,
       coalesce(x.within_deadline, 0) AS within_deadline,
       coalesce(x.within_extension, 0) AS within_extension,
       coalesce(x.late, 0) AS late,
       coalesce(x.open, 0) AS open,
       coalesce(x.overdue, 0) AS overdue,
       km_share_within(x.s, b.days) AS km_share_within_deadline,
       km_share_within(x.s, b.days + b.extension_days) AS km_share_within_extension
  FROM bounds b CROSS JOIN years y CROSS JOIN groups g
  LEFT JOIN summaries x ON x.id = b.id AND x.year = y.year AND x.linkage = g.linkage
 ORDER BY b.id, y.year, g.ord
