-- notebooks-sql/intermediate/int_sessions_deduplicated.sql
-- Grain: one row per sweep and session: the session's latest observation in the sweep (a session
-- seen by two endpoints of one sweep is kept once), for session dates in the report range.
-- Reads: stg_sessions (one row per session per fetch). The range comes from the variables
-- report_from and report_to (SET VARIABLE report_from = DATE '2021-05-01'); unset means no bound.
CREATE OR REPLACE TABLE int_sessions_deduplicated AS
WITH sessions AS (
    SELECT * FROM stg_sessions
),

in_range AS (
    SELECT *
    FROM sessions
    WHERE session_date BETWEEN coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01')
        AND coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31')
),

ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY sweep_id, session_id
            ORDER BY as_of_at DESC, fetch_id DESC
        ) AS observation_rank
    FROM in_range
),

final AS (
    SELECT
        sweep_id,
        session_id,
        fetch_id,
        as_of_at,
        center_id,
        state_name,
        trim(district_name) AS district_name,
        district_id,
        session_date,
        age_group,
        vaccine,
        fee_type,
        available_capacity,
        available_capacity_dose1,
        available_capacity_dose2
    FROM ranked
    WHERE observation_rank = 1
)

SELECT * FROM final;
