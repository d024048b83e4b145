-- notebooks-sql/intermediate/int_session_spells_summarised.sql
-- Grain: one row per session (over every sweep in which it was seen).
-- Reads: int_session_observations_sequenced. Attributes are those of the latest observation. An
-- open spell is a run of consecutive observations with available_capacity > 0. Time to book is an
-- interval, for a session seen open and later at zero (DESIGN.md): lower = last seen open - first
-- seen open; upper = first seen zero - the last sweep with data before first seen open (NULL,
-- meaning unbounded, when the session was open at the first sweep that covered it).
CREATE OR REPLACE TABLE int_session_spells_summarised AS
WITH observations AS (
    SELECT * FROM int_session_observations_sequenced
),

first_open AS (
    SELECT
        session_id,
        min(as_of_at) FILTER (WHERE available_capacity > 0) AS first_open_at
    FROM observations
    GROUP BY session_id
),

marked AS (
    SELECT
        observations.*,
        first_open.first_open_at
    FROM observations
    INNER JOIN first_open
        ON first_open.session_id = observations.session_id
),

first_zero AS (
    SELECT
        session_id,
        min(as_of_at) FILTER (WHERE available_capacity = 0 AND as_of_at > first_open_at) AS first_zero_after_open_at
    FROM marked
    GROUP BY session_id
),

summarised AS (
    SELECT
        marked.session_id,
        arg_max(marked.center_id, marked.as_of_at) AS center_id,
        arg_max(marked.state_name, marked.as_of_at) AS state_name,
        arg_max(marked.district_name, marked.as_of_at) AS district_name,
        arg_max(marked.district_id, marked.as_of_at) AS district_id,
        arg_max(marked.session_date, marked.as_of_at) AS session_date,
        arg_max(marked.age_group, marked.as_of_at) AS age_group,
        arg_max(marked.vaccine, marked.as_of_at) AS vaccine,
        arg_max(marked.fee_type, marked.as_of_at) AS fee_type,
        count(*) AS observations_count,
        min(marked.as_of_at) AS first_seen_at,
        max(marked.as_of_at) AS last_seen_at,
        max(marked.available_capacity) AS peak_capacity,
        max(marked.available_capacity_dose1) AS peak_capacity_dose1,
        max(marked.available_capacity_dose2) AS peak_capacity_dose2,
        sum(marked.capacity_released) AS capacity_released_est,
        sum(marked.capacity_booked) AS capacity_booked_est,
        count(*) FILTER (WHERE marked.available_capacity > 0 AND coalesce(marked.previous_capacity, 0) = 0)
            AS open_spells_count,
        bool_or(marked.available_capacity = 0
            AND CAST(marked.as_of_at + INTERVAL 330 MINUTE AS DATE) <= marked.session_date) AS is_booked_out,
        min(marked.first_open_at) AS first_open_at,
        min(first_zero.first_zero_after_open_at) AS first_zero_after_open_at,
        max(marked.as_of_at) FILTER (
            WHERE marked.available_capacity > 0 AND marked.as_of_at < first_zero.first_zero_after_open_at
        ) AS last_open_before_zero_at,
        max(marked.previous_district_sweep_at) FILTER (WHERE marked.as_of_at = marked.first_open_at)
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
