-- notebooks-sql/marts/district_age_group_hourly.sql
-- Grain: one row per hour of as_of time (India time), Co-WIN district and age group, for every hour
-- in which a sweep had data for the district; each age group the district has a row for in
-- district_age_group_daily (listed anywhere in the range, or standard on a day the district was
-- read) gets a row (0 when nothing was open then), so a district read with no slots is on the chart.
-- Reads: int_district_sweeps_covered, stg_sweep_district_sessions, district_age_group_daily. When
-- several sweeps fall in one hour, the latest one is used: open capacity is a snapshot, not a sum
-- over sweeps.
CREATE OR REPLACE TABLE district_age_group_hourly AS
WITH district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
    WHERE has_data
),

sweep_sessions AS (
    SELECT * FROM stg_sweep_district_sessions
    WHERE district_id IS NOT NULL
        AND in_report_range(session_date)
),

district_days AS (
    SELECT * FROM district_age_group_daily
),

district_names AS (
    SELECT
        district_id,
        max(state_name) AS state_name,
        max(district_name) AS district_name
    FROM district_days
    GROUP BY district_id
),

district_age_groups AS (
    SELECT DISTINCT
        district_id,
        age_group
    FROM district_days
),

latest_sweep_per_hour AS (
    SELECT
        district_id,
        date_trunc('hour', ist(as_of_at)) AS as_of_hour_ist,
        arg_max(sweep_id, as_of_at) AS sweep_id,
        max(as_of_at) AS sweep_as_of_at
    FROM district_sweeps
    GROUP BY district_id, date_trunc('hour', ist(as_of_at))
),

open_at_sweep AS (
    SELECT
        sweep_id,
        district_id,
        age_group,
        sum(open_capacity) AS open_capacity,
        length(list_distinct(flatten(list(open_center_ids)))) AS centers_with_open_slots,
        sum(sessions_open) AS sessions_open
    FROM sweep_sessions
    GROUP BY sweep_id, district_id, age_group
),

final AS (
    SELECT
        CAST(latest_sweep_per_hour.as_of_hour_ist AS DATE) AS as_of_date_ist,
        CAST(hour(latest_sweep_per_hour.as_of_hour_ist) AS INTEGER) AS as_of_hour_ist,
        district_names.state_name,
        district_names.district_name,
        latest_sweep_per_hour.district_id,
        district_age_groups.age_group,
        latest_sweep_per_hour.sweep_id,
        latest_sweep_per_hour.sweep_as_of_at,
        coalesce(open_at_sweep.open_capacity, 0) AS open_capacity,
        coalesce(open_at_sweep.centers_with_open_slots, 0) AS centers_with_open_slots,
        coalesce(open_at_sweep.sessions_open, 0) AS sessions_open
    FROM latest_sweep_per_hour
    INNER JOIN district_names
        ON district_names.district_id = latest_sweep_per_hour.district_id
    INNER JOIN district_age_groups
        ON district_age_groups.district_id = latest_sweep_per_hour.district_id
    LEFT JOIN open_at_sweep
        ON open_at_sweep.sweep_id = latest_sweep_per_hour.sweep_id
        AND open_at_sweep.district_id = latest_sweep_per_hour.district_id
        AND open_at_sweep.age_group = district_age_groups.age_group
)

SELECT * FROM final;
