-- notebooks-sql/pack/facts_district_gaps.sql
-- Grain: one row: district rows (session date x district x age group) with at least one sweep
-- without data, and all district rows.
-- Reads: district_age_group_daily.
SELECT
    CAST(count(*) FILTER (WHERE sweeps_without_data > 0) AS VARCHAR) AS district_rows_with_gaps,
    CAST(count(*) AS VARCHAR) AS district_rows
FROM district_age_group_daily;
