-- Included by the delay tables (access_delay.sql, the monitoring queries of
-- 57_monitoring.sql, network_access_delay_at): the CTE groups, all_linked
-- first, then each linkage_type label, with their display order.
groups AS (
  SELECT 0::bigint AS ord, 'all_linked'::text AS linkage
  UNION ALL
  SELECT e.ord, e.label::text FROM unnest(enum_range(NULL::linkage_type)) WITH ORDINALITY AS e(label, ord)),
