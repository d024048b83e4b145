-- notebooks-sql/compact/sweep_district_sessions.sql
-- Grain: one row per session date, sweep, Co-WIN district and age group that listed a session: what
-- the sweep saw, for the marts that count per sweep (open share, hourly availability, coverage),
-- which a change-only history cannot answer alone. Columns in
-- data-schema/tables/sweep_district_sessions.avsc.
-- Reads: compact_observations (stg_sessions deduplicated, for the session dates being rebuilt).
-- Written beside session_history, one file per sweep (all its session dates, written once: a new
-- sweep costs only itself) to tables/sweep_district_sessions/sweep_id=<sweep>/part-00000.parquet,
-- sorted by session_date, sweep_id, district_id NULLS LAST, age_group.
WITH observations AS (
    SELECT * FROM compact_observations
),

final AS (
    SELECT
        session_date,
        sweep_id,
        district_id,
        age_group,
        max(as_of_at) AS as_of_at,
        CAST(count(*) AS INTEGER) AS sessions_listed,
        CAST(count(*) FILTER (WHERE available_capacity > 0) AS INTEGER) AS sessions_open,
        CAST(sum(available_capacity) AS BIGINT) AS open_capacity,
        coalesce(list_sort(list_distinct(list(center_id) FILTER (WHERE available_capacity > 0))), CAST([] AS BIGINT[]))
            AS open_center_ids
    FROM observations
    GROUP BY session_date, sweep_id, district_id, age_group
)

SELECT * FROM final
