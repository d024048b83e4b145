-- notebooks-sql/marts/district_age_group_release_hours.sql
-- Grain: one row per Co-WIN district, age group and hour of day (India time, 0-23) in which new
-- capacity was first seen.
-- Reads: int_session_runs_sequenced. A release is an increase between two consecutive
-- observations of a session (where a run starts), or the first capacity of a session that an
-- earlier sweep with data did not list (is_new_listing). Capacity already open at the first sweep
-- is not a release seen: when it appeared is unknown. The hour is that of the sweep that first saw the new capacity; it
-- appeared at some time since the sweep before.
CREATE OR REPLACE TABLE district_age_group_release_hours AS
WITH runs AS (
    SELECT * FROM int_session_runs_sequenced
    WHERE district_id IS NOT NULL
),

releases AS (
    SELECT
        district_id,
        state_name,
        district_name,
        age_group,
        session_id,
        CAST(hour(ist(valid_from_at)) AS INTEGER) AS release_hour_ist,
        capacity_released
    FROM runs
    WHERE capacity_released > 0
        AND (previous_capacity IS NOT NULL OR is_new_listing)
),

final AS (
    SELECT
        release_hour_ist,
        max(state_name) AS state_name,
        max(district_name) AS district_name,
        district_id,
        age_group,
        sum(capacity_released) AS capacity_released,
        count(*) AS release_events,
        count(DISTINCT session_id) AS sessions_with_release
    FROM releases
    GROUP BY release_hour_ist, district_id, age_group
)

SELECT * FROM final;
