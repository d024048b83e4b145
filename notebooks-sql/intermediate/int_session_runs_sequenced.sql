-- notebooks-sql/intermediate/int_session_runs_sequenced.sql
-- Grain: one row per session, session date and run (stg_session_history), for session dates in the
-- report range: consecutive observations of one session with the same capacity and listing.
-- Reads: stg_session_history, int_district_sweeps_covered. capacity_released counts the first
-- capacity seen and every later increase; capacity_booked every decrease (DESIGN.md): both happen
-- only where a run starts. previous_district_sweep_at is the as_of_at of the sweep with data for
-- the session's district and date that came before the sweep that first saw the run (sweeps in
-- as_of order): the change happened in between.
-- is_new_listing is true when the session was first seen after such a sweep had not listed it.
-- A view: its readers each take the columns they need from the compact history.
CREATE OR REPLACE VIEW int_session_runs_sequenced AS
WITH history AS (
    SELECT * FROM stg_session_history
    WHERE in_report_range(session_date)
),

district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
),

district_dates AS (
    SELECT DISTINCT
        district_id,
        session_date
    FROM stg_session_history
    WHERE district_id IS NOT NULL
        AND in_report_range(session_date)
),

dates_covered AS (
    SELECT
        district_dates.district_id,
        district_dates.session_date,
        district_sweeps.sweep_id,
        district_sweeps.as_of_at,
        row_number() OVER (
            PARTITION BY district_dates.district_id, district_dates.session_date
            ORDER BY district_sweeps.as_of_at, district_sweeps.sweep_id
        ) AS cover_number
    FROM district_dates
    INNER JOIN district_sweeps
        ON district_sweeps.district_id = district_dates.district_id
        AND district_sweeps.has_data
        AND district_dates.session_date BETWEEN district_sweeps.window_start_date AND district_sweeps.window_end_date
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
        previous_cover.as_of_at AS previous_district_sweep_at,
        CASE
            WHEN history.previous_capacity IS NULL THEN history.available_capacity
            ELSE greatest(history.available_capacity - history.previous_capacity, 0)
        END AS capacity_released,
        CASE
            WHEN history.previous_capacity IS NULL THEN 0
            ELSE greatest(history.previous_capacity - history.available_capacity, 0)
        END AS capacity_booked,
        history.previous_capacity IS NULL AND previous_cover.as_of_at IS NOT NULL AS is_new_listing
    FROM history
    LEFT JOIN dates_covered AS run_cover
        ON run_cover.district_id = history.district_id
        AND run_cover.session_date = history.session_date
        AND run_cover.sweep_id = history.valid_from_sweep_id
    LEFT JOIN dates_covered AS previous_cover
        ON previous_cover.district_id = history.district_id
        AND previous_cover.session_date = history.session_date
        AND previous_cover.cover_number = run_cover.cover_number - 1
)

SELECT * FROM final;
