-- notebooks-sql/compact/compact_observations.sql
-- Grain: one row per sweep and session: the session's latest observation in the sweep (a session
-- seen by two endpoints of one sweep is kept once), for the session dates in the variable
-- history_dates (a DATE[]).
-- Reads: stg_sessions. `vaxslots compact` (and `vaxslots report`, for stale dates) makes this a
-- temporary table, then writes session_history.sql and sweep_district_sessions.sql from it.
WITH sessions AS (
    SELECT
        sweep_id,
        session_id,
        fetch_id,
        as_of_at,
        center_id,
        state_name,
        district_name,
        district_id,
        session_date,
        age_group,
        vaccine,
        fee_type,
        available_capacity,
        available_capacity_dose1,
        available_capacity_dose2
    FROM stg_sessions
    WHERE list_contains(getvariable('history_dates'), session_date)
),

ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY sweep_id, session_id
            ORDER BY as_of_at DESC, fetch_id DESC
        ) AS observation_rank
    FROM sessions
),

final AS (
    SELECT * EXCLUDE (fetch_id, observation_rank) REPLACE (trim(district_name) AS district_name)
    FROM ranked
    WHERE observation_rank = 1
)

SELECT * FROM final
