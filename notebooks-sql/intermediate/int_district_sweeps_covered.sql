-- notebooks-sql/intermediate/int_district_sweeps_covered.sql
-- Grain: one row per sweep and Co-WIN district that the sweep tried to cover: fetched by district,
-- or seen in its sessions (a pin-code response also lists a district's sessions).
-- Reads: int_district_fetches_classified, stg_sweep_district_sessions (session dates in the report
-- range). A sweep covers the session
-- dates from window_start_date to window_end_date; has_data is true when a district fetch was ok or
-- empty, or when the district's sessions were seen in the sweep.
CREATE OR REPLACE TABLE int_district_sweeps_covered AS
WITH district_fetches AS (
    SELECT * FROM int_district_fetches_classified
),

sessions AS (
    SELECT * FROM stg_sweep_district_sessions
    WHERE in_report_range(session_date)
),

seen_in_sessions AS (
    SELECT
        sweep_id,
        district_id,
        'ok' AS status,
        true AS has_data,
        max(as_of_at) AS as_of_at,
        min(session_date) AS window_start_date,
        max(session_date) AS window_end_date
    FROM sessions
    WHERE district_id IS NOT NULL
    GROUP BY sweep_id, district_id
),

fetched AS (
    SELECT
        sweep_id,
        district_id,
        status,
        has_data,
        as_of_at,
        window_start_date,
        window_end_date
    FROM district_fetches
),

both_sources AS (
    SELECT * FROM fetched
    UNION ALL
    SELECT * FROM seen_in_sessions
),

final AS (
    SELECT
        sweep_id,
        district_id,
        bool_or(has_data) AS has_data,
        max(as_of_at) AS as_of_at,
        min(window_start_date) AS window_start_date,
        max(window_end_date) AS window_end_date
    FROM both_sources
    GROUP BY sweep_id, district_id
)

SELECT * FROM final;
