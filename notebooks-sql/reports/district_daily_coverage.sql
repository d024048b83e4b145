-- notebooks-sql/reports/district_daily_coverage.sql
-- Publishes district_daily_coverage.csv (data-schema/reports/district_daily_coverage.md).
-- Grain: one row per session date, Co-WIN district and age group listed, or standard for a district read
-- that day (a row of zeros when it listed nothing).
-- Reads: district_age_group_daily. Column names and order are a contract: add, never rename.
SELECT
    session_date,
    state_name,
    district_name,
    district_id,
    age_group,
    centers_listed,
    centers_with_open_slots,
    sessions_listed,
    peak_open_capacity,
    capacity_released_est,
    capacity_booked_est,
    CAST(open_share_pct AS DECIMAL(4, 1)) AS open_share_pct,
    CAST(booked_out_share_pct AS DECIMAL(4, 1)) AS booked_out_share_pct,
    CAST(time_to_book_min_lower_median AS DECIMAL(18, 1)) AS time_to_book_min_lower_median,
    CAST(time_to_book_min_upper_median AS DECIMAL(18, 1)) AS time_to_book_min_upper_median,
    CAST(open_capacity_per_100k AS DECIMAL(18, 2)) AS open_capacity_per_100k,
    per_100k_missing_reason,
    CAST(dose1_capacity_share_pct AS DECIMAL(4, 1)) AS dose1_capacity_share_pct,
    CAST(free_capacity_share_pct AS DECIMAL(4, 1)) AS free_capacity_share_pct,
    sweeps_with_data,
    sweeps_without_data
FROM district_age_group_daily
ORDER BY session_date, state_name, district_name, district_id, age_group;
