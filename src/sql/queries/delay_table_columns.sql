-- Included by the delay tables (access_delay.sql, network_access_delay_at in
-- 80_network.sql): the statistics of a delay_summary x.s, in months of
-- 30.436875 days, as the columns of access_delay.
       coalesce(completed(x.s), 0) AS completed,
       coalesce(pending(x.s), 0) AS pending,
       mean_months(x.s) AS mean_months,
       percentile_days(x.s, 0.5) / 30.436875::float8 AS median_months,
       percentile_days(x.s, 0.9) / 30.436875::float8 AS p90_months,
       km_median_days(x.s) / 30.436875::float8 AS km_median_months,
       share_within(x.s, 213) AS share_within_7_months
