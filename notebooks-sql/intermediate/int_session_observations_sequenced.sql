-- notebooks-sql/intermediate/int_session_observations_sequenced.sql
-- Grain: one row per sweep and session (as int_sessions_deduplicated), with the session's previous
-- observation: consecutive observations of one session, in as_of order.
-- Reads: int_sessions_deduplicated, int_district_sweeps_covered. capacity_released counts the
-- first capacity seen and every later increase; capacity_booked every decrease (DESIGN.md).
-- is_new_listing is true when the session was first seen after an earlier sweep with data had
-- covered its district and date without listing it: its first capacity appeared between the two.
CREATE OR REPLACE TABLE int_session_observations_sequenced AS
WITH sessions AS (
    SELECT * FROM int_sessions_deduplicated
),

district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
),

with_previous AS (
    SELECT
        *,
        row_number() OVER session_order AS observation_number,
        lag(available_capacity) OVER session_order AS previous_capacity,
        lag(as_of_at) OVER session_order AS previous_as_of_at
    FROM sessions
    WINDOW session_order AS (PARTITION BY session_id ORDER BY as_of_at, sweep_id)
),

earlier_coverage AS (
    SELECT
        with_previous.sweep_id,
        with_previous.session_id,
        max(district_sweeps.as_of_at) AS previous_district_sweep_at
    FROM with_previous
    INNER JOIN district_sweeps
        ON district_sweeps.district_id = with_previous.district_id
        AND district_sweeps.has_data
        AND district_sweeps.as_of_at < with_previous.as_of_at
        AND with_previous.session_date BETWEEN district_sweeps.window_start_date AND district_sweeps.window_end_date
    GROUP BY with_previous.sweep_id, with_previous.session_id
),

final AS (
    SELECT
        with_previous.sweep_id,
        with_previous.session_id,
        with_previous.as_of_at,
        with_previous.center_id,
        with_previous.state_name,
        with_previous.district_name,
        with_previous.district_id,
        with_previous.session_date,
        with_previous.age_group,
        with_previous.vaccine,
        with_previous.fee_type,
        with_previous.available_capacity,
        with_previous.available_capacity_dose1,
        with_previous.available_capacity_dose2,
        with_previous.observation_number,
        with_previous.previous_capacity,
        with_previous.previous_as_of_at,
        earlier_coverage.previous_district_sweep_at,
        CASE
            WHEN with_previous.previous_capacity IS NULL THEN with_previous.available_capacity
            ELSE greatest(with_previous.available_capacity - with_previous.previous_capacity, 0)
        END AS capacity_released,
        CASE
            WHEN with_previous.previous_capacity IS NULL THEN 0
            ELSE greatest(with_previous.previous_capacity - with_previous.available_capacity, 0)
        END AS capacity_booked,
        with_previous.previous_capacity IS NULL AND earlier_coverage.previous_district_sweep_at IS NOT NULL
            AS is_new_listing
    FROM with_previous
    LEFT JOIN earlier_coverage
        ON earlier_coverage.sweep_id = with_previous.sweep_id
        AND earlier_coverage.session_id = with_previous.session_id
)

SELECT * FROM final;
