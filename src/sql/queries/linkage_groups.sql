-- Included by the monitoring queries (src/sql/57_monitoring.sql): the CTE
-- groups, all_linked first, then each linkage_type label, with their
-- display order, as access_delay has them.
groups AS (
  SELECT 0::bigint AS ord, 'all_linked'::text AS linkage
  UNION ALL
  SELECT e.ord, e.label::text FROM unnest(enum_range(NULL::linkage_type)) WITH ORDINALITY AS e(label, ord)),
