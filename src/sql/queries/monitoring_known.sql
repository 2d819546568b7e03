-- Included by the monitoring queries (src/sql/57_monitoring.sql), the
-- as-of date given as {on}: each project submitted by the as-of date with
-- its milestones as known on that date (a later date is not known yet),
-- indexed like the milestone enum (1 submitted, 2 file_complete,
-- 3 committee_opinion, 4 authorised, 5 data_available), and last_known, the
-- index of its last known milestone. A milestone that is not known while a
-- later one is was skipped.
  SELECT p.linkage::text AS linkage, k.known,
         CASE WHEN k.known[5] IS NOT NULL THEN 5 WHEN k.known[4] IS NOT NULL THEN 4
              WHEN k.known[3] IS NOT NULL THEN 3 WHEN k.known[2] IS NOT NULL THEN 2 ELSE 1 END AS last_known
    FROM project p
   CROSS JOIN LATERAL (SELECT ARRAY[p.submitted_on,
                                    CASE WHEN p.file_complete_on <= {on} THEN p.file_complete_on END,
                                    CASE WHEN p.committee_opinion_on <= {on} THEN p.committee_opinion_on END,
                                    CASE WHEN p.authorised_on <= {on} THEN p.authorised_on END,
                                    CASE WHEN p.data_available_on <= {on} THEN p.data_available_on END] AS known) AS k
   WHERE p.submitted_on <= {on}
