-- notebooks-sql/intermediate/int_session_spells_summarised.sql
-- Grain: one row per session (over every sweep in which it was seen).
-- Reads: int_session_runs_sequenced (runs of unchanged observations, from the change-only history).
-- Attributes are those of the latest observation. An open spell is a run of consecutive
-- observations with available_capacity > 0. Time to book is an interval, for a session seen open
-- and later at zero (DESIGN.md): lower = last seen open - first seen open; upper = first seen zero -
-- the last sweep with data before first seen open (NULL, meaning unbounded, when the session was
-- open at the first sweep that covered it). A run holds one capacity, so the first and last
-- observations of a run are its valid_from_at and valid_to_at.
CREATE OR REPLACE TABLE int_session_spells_summarised AS
WITH runs AS (
    SELECT * FROM int_session_runs_sequenced
),

first_open AS (
    SELECT
        session_id,
        min(valid_from_at) FILTER (WHERE available_capacity > 0) AS first_open_at
    FROM runs
    GROUP BY session_id
),

marked AS (
    SELECT
        runs.*,
        first_open.first_open_at
    FROM runs
    INNER JOIN first_open
        ON first_open.session_id = runs.session_id
),

first_zero AS (
    SELECT
        session_id,
        min(valid_from_at) FILTER (WHERE available_capacity = 0 AND valid_from_at > first_open_at)
            AS first_zero_after_open_at
    FROM marked
    GROUP BY session_id
),

summarised AS (
    SELECT
        marked.session_id,
        arg_max(marked.center_id, marked.valid_to_at) AS center_id,
        arg_max(marked.state_name, marked.valid_to_at) AS state_name,
        arg_max(marked.district_name, marked.valid_to_at) AS district_name,
        arg_max(marked.district_id, marked.valid_to_at) AS district_id,
        arg_max(marked.session_date, marked.valid_to_at) AS session_date,
        arg_max(marked.age_group, marked.valid_to_at) AS age_group,
        arg_max(marked.vaccine, marked.valid_to_at) AS vaccine,
        arg_max(marked.fee_type, marked.valid_to_at) AS fee_type,
        CAST(sum(marked.observations_count) AS BIGINT) AS observations_count,
        min(marked.valid_from_at) AS first_seen_at,
        max(marked.valid_to_at) AS last_seen_at,
        max(marked.available_capacity) AS peak_capacity,
        max(marked.available_capacity_dose1) AS peak_capacity_dose1,
        max(marked.available_capacity_dose2) AS peak_capacity_dose2,
        sum(marked.capacity_released) AS capacity_released_est,
        sum(marked.capacity_booked) AS capacity_booked_est,
        count(*) FILTER (WHERE marked.available_capacity > 0 AND coalesce(marked.previous_capacity, 0) = 0)
            AS open_spells_count,
        bool_or(marked.available_capacity = 0
            AND CAST(marked.valid_from_at + INTERVAL 330 MINUTE AS DATE) <= marked.session_date) AS is_booked_out,
        min(marked.first_open_at) AS first_open_at,
        min(first_zero.first_zero_after_open_at) AS first_zero_after_open_at,
        max(marked.valid_to_at) FILTER (
            WHERE marked.available_capacity > 0 AND marked.valid_to_at < first_zero.first_zero_after_open_at
        ) AS last_open_before_zero_at,
        max(marked.previous_district_sweep_at) FILTER (WHERE marked.valid_from_at = marked.first_open_at)
            AS sweep_before_first_open_at
    FROM marked
    INNER JOIN first_zero
        ON first_zero.session_id = marked.session_id
    GROUP BY marked.session_id
),

final AS (
    SELECT
        *,
        CASE WHEN first_zero_after_open_at IS NOT NULL THEN
            date_diff('second', first_open_at, last_open_before_zero_at) / 60.0
        END AS time_to_book_min_lower,
        CASE WHEN first_zero_after_open_at IS NOT NULL THEN
            date_diff('second', sweep_before_first_open_at, first_zero_after_open_at) / 60.0
        END AS time_to_book_min_upper
    FROM summarised
)

SELECT * FROM final;
