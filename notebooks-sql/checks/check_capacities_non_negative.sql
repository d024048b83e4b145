-- notebooks-sql/checks/check_capacities_non_negative.sql
-- Passes when it returns no rows: no capacity, count or estimate below zero.
-- Reads: stg_session_history (every capacity seen, once per run) in the report range,
-- district_age_group_daily.
WITH runs AS (
    SELECT * FROM stg_session_history
    WHERE in_report_range(session_date)
),

districts AS (
    SELECT * FROM district_age_group_daily
),

bad_observations AS (
    SELECT
        'session_history' AS relation,
        valid_from_sweep_id || ' ' || session_id AS row_key
    FROM runs
    WHERE available_capacity < 0
        OR available_capacity_dose1 < 0
        OR available_capacity_dose2 < 0
),

bad_districts AS (
    SELECT
        'district_age_group_daily' AS relation,
        CAST(session_date AS VARCHAR) || ' ' || CAST(district_id AS VARCHAR) || ' ' || age_group AS row_key
    FROM districts
    WHERE peak_open_capacity < 0
        OR capacity_released_est < 0
        OR capacity_booked_est < 0
        OR centers_with_open_slots > centers_listed
        OR capacity_released_est < peak_open_capacity
),

final AS (
    SELECT * FROM bad_observations
    UNION ALL
    SELECT * FROM bad_districts
)

SELECT * FROM final;
