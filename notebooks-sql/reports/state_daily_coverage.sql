-- notebooks-sql/reports/state_daily_coverage.sql
-- Publishes state_daily_coverage.csv (data-schema/reports/state_daily_coverage.md).
-- Grain: one row per session date, state and age group.
-- Reads: state_age_group_daily. Column names and order are a contract: add, never rename.
SELECT
    session_date,
    state_name,
    age_group,
    districts_listed,
    districts_with_open_slots,
    centers_listed,
    centers_with_open_slots,
    sessions_listed,
    peak_open_capacity,
    capacity_released_est,
    capacity_booked_est,
    CAST(open_share_pct_population_weighted AS DECIMAL(4, 1)) AS open_share_pct_population_weighted,
    CAST(booked_out_share_pct AS DECIMAL(4, 1)) AS booked_out_share_pct,
    CAST(time_to_book_min_lower_median AS DECIMAL(18, 1)) AS time_to_book_min_lower_median,
    CAST(time_to_book_min_upper_median AS DECIMAL(18, 1)) AS time_to_book_min_upper_median,
    population_covered,
    CAST(open_capacity_per_100k AS DECIMAL(18, 2)) AS open_capacity_per_100k,
    per_100k_missing_reason,
    CAST(dose1_capacity_share_pct AS DECIMAL(4, 1)) AS dose1_capacity_share_pct,
    CAST(free_capacity_share_pct AS DECIMAL(4, 1)) AS free_capacity_share_pct,
    district_sweeps_with_data,
    district_sweeps_without_data
FROM state_age_group_daily
ORDER BY session_date, state_name, age_group;
