-- notebooks-sql/intermediate/int_session_spells_summarised.sql
-- Grain: one row per session (over every sweep in which it was seen).
-- Reads: int_session_runs_sequenced (runs of unchanged observations, from the change-only history).
-- Attributes are those of the latest observation. An open spell is a run of consecutive
-- observations with available_capacity > 0. Time to book is an interval, for a session seen open
-- and later at zero (DESIGN.md): lower = last seen open - first seen open; upper = first seen zero -
-- the last sweep with data before first seen open (NULL, meaning unbounded, when the session was
-- open at the first sweep that covered it). A run holds one capacity, so the first and last
-- observations of a run are its valid_from_at and valid_to_at, and the first zero after the first
-- open is the first zero run that follows an open run: one pass over a session's runs.
CREATE OR REPLACE TABLE int_session_spells_summarised AS
WITH runs AS (
    SELECT * FROM int_session_runs_sequenced
),

summarised AS (
    SELECT
        session_id,
        arg_max(
            struct_pack(center_id, state_name, district_name, district_id, session_date, age_group, vaccine, fee_type),
            valid_to_at
        ) AS latest,
        CAST(sum(observations_count) AS BIGINT) AS observations_count,
        min(valid_from_at) AS first_seen_at,
        max(valid_to_at) AS last_seen_at,
        max(available_capacity) AS peak_capacity,
        max(available_capacity_dose1) AS peak_capacity_dose1,
        max(available_capacity_dose2) AS peak_capacity_dose2,
        sum(capacity_released) AS capacity_released_est,
        sum(capacity_booked) AS capacity_booked_est,
        count(*) FILTER (WHERE available_capacity > 0 AND coalesce(previous_capacity, 0) = 0) AS open_spells_count,
        bool_or(available_capacity = 0
            AND ist_date(valid_from_at) <= session_date) AS is_booked_out,
        min(valid_from_at) FILTER (WHERE available_capacity > 0) AS first_open_at,
        arg_min_null(previous_district_sweep_at, valid_from_at) FILTER (WHERE available_capacity > 0)
            AS sweep_before_first_open_at,
        min(valid_from_at) FILTER (WHERE available_capacity = 0 AND previous_capacity > 0) AS first_zero_after_open_at,
        list(valid_to_at) FILTER (WHERE available_capacity > 0) AS open_run_ends
    FROM runs
    GROUP BY session_id
),

final AS (
    SELECT
        session_id,
        latest.center_id,
        latest.state_name,
        latest.district_name,
        latest.district_id,
        latest.session_date,
        latest.age_group,
        latest.vaccine,
        latest.fee_type,
        observations_count,
        first_seen_at,
        last_seen_at,
        peak_capacity,
        peak_capacity_dose1,
        peak_capacity_dose2,
        capacity_released_est,
        capacity_booked_est,
        open_spells_count,
        is_booked_out,
        first_open_at,
        first_zero_after_open_at,
        list_max(list_filter(open_run_ends, t -> t < first_zero_after_open_at)) AS last_open_before_zero_at,
        sweep_before_first_open_at,
        CASE WHEN first_zero_after_open_at IS NOT NULL THEN
            date_diff('second', first_open_at, list_max(list_filter(open_run_ends, t -> t < first_zero_after_open_at))) / 60.0
        END AS time_to_book_min_lower,
        CASE WHEN first_zero_after_open_at IS NOT NULL THEN
            date_diff('second', sweep_before_first_open_at, first_zero_after_open_at) / 60.0
        END AS time_to_book_min_upper
    FROM summarised
)

SELECT * FROM final;
