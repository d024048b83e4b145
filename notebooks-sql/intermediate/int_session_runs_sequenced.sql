-- notebooks-sql/intermediate/int_session_runs_sequenced.sql
-- Grain: one row per session, session date and run (stg_session_history), for session dates in the
-- report range: consecutive observations of one session with the same capacity and listing.
-- Reads: stg_session_history, int_district_sweeps_covered. capacity_released counts the first
-- capacity seen and every later increase; capacity_booked every decrease (DESIGN.md): both happen
-- only where a run starts. previous_district_sweep_at is the last sweep with data for the
-- session's district and date before the run was first seen: the change happened in between.
-- is_new_listing is true when the session was first seen after such a sweep had not listed it.
CREATE OR REPLACE TABLE int_session_runs_sequenced AS
WITH history AS (
    SELECT * FROM stg_session_history
    WHERE session_date BETWEEN coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01')
        AND coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31')
),

district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
),

district_dates AS (
    SELECT DISTINCT
        district_id,
        session_date
    FROM history
    WHERE district_id IS NOT NULL
),

dates_covered AS (
    SELECT
        district_dates.district_id,
        district_dates.session_date,
        district_sweeps.as_of_at
    FROM district_dates
    INNER JOIN district_sweeps
        ON district_sweeps.district_id = district_dates.district_id
        AND district_sweeps.has_data
        AND district_dates.session_date BETWEEN district_sweeps.window_start_date AND district_sweeps.window_end_date
),

earlier_coverage AS (
    SELECT
        history.session_id,
        history.session_date,
        history.run_number,
        dates_covered.as_of_at AS previous_district_sweep_at
    FROM history
    ASOF INNER JOIN dates_covered
        ON dates_covered.district_id = history.district_id
        AND dates_covered.session_date = history.session_date
        AND history.valid_from_at > dates_covered.as_of_at
),

final AS (
    SELECT
        history.session_id,
        history.session_date,
        history.run_number,
        history.center_id,
        history.state_name,
        history.district_name,
        history.district_id,
        history.age_group,
        history.vaccine,
        history.fee_type,
        history.available_capacity,
        history.available_capacity_dose1,
        history.available_capacity_dose2,
        history.previous_capacity,
        history.valid_from_sweep_id,
        history.valid_to_sweep_id,
        history.valid_from_at,
        history.valid_to_at,
        history.observations_count,
        earlier_coverage.previous_district_sweep_at,
        CASE
            WHEN history.previous_capacity IS NULL THEN history.available_capacity
            ELSE greatest(history.available_capacity - history.previous_capacity, 0)
        END AS capacity_released,
        CASE
            WHEN history.previous_capacity IS NULL THEN 0
            ELSE greatest(history.previous_capacity - history.available_capacity, 0)
        END AS capacity_booked,
        history.previous_capacity IS NULL AND earlier_coverage.previous_district_sweep_at IS NOT NULL
            AS is_new_listing
    FROM history
    LEFT JOIN earlier_coverage
        ON earlier_coverage.session_id = history.session_id
        AND earlier_coverage.session_date = history.session_date
        AND earlier_coverage.run_number = history.run_number
)

SELECT * FROM final;
