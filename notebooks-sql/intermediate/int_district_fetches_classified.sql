-- notebooks-sql/intermediate/int_district_fetches_classified.sql
-- Grain: one row per sweep and Co-WIN district that the sweep fetched by district
-- (calendarByDistrict or findByDistrict with a district_id).
-- Reads: stg_fetches. A calendarByDistrict fetch covers one district and the 7 days from its
-- request date; findByDistrict covers its one day. Status is the best outcome of the district's
-- fetches in the sweep (ok, then empty, throttled, http_error, network_error, invalid_body):
-- has_data is true for ok and empty only; every other outcome is "no data", never "no slots".
CREATE OR REPLACE TABLE int_district_fetches_classified AS
WITH fetches AS (
    SELECT * FROM stg_fetches
),

district_fetches AS (
    SELECT
        sweep_id,
        district_id,
        outcome,
        as_of_at,
        coalesce(request_date, ist_date(as_of_at)) AS window_start_date,
        coalesce(request_date, ist_date(as_of_at))
            + CASE WHEN endpoint = 'calendarByDistrict' THEN 6 ELSE 0 END AS window_end_date,
        CASE outcome
            WHEN 'ok' THEN 1
            WHEN 'empty' THEN 2
            WHEN 'throttled' THEN 3
            WHEN 'http_error' THEN 4
            WHEN 'network_error' THEN 5
            ELSE 6
        END AS outcome_rank
    FROM fetches
    WHERE district_id IS NOT NULL
        AND endpoint IN ('calendarByDistrict', 'findByDistrict')
),

in_range AS (
    SELECT *
    FROM district_fetches
    WHERE overlaps_report_range(window_start_date, window_end_date)
),

per_district AS (
    SELECT
        sweep_id,
        district_id,
        arg_min(outcome, outcome_rank) AS status,
        min(outcome_rank) <= 2 AS has_data,
        max(as_of_at) AS as_of_at,
        min(window_start_date) AS window_start_date,
        max(window_end_date) AS window_end_date,
        count(*) AS fetches_count
    FROM in_range
    GROUP BY sweep_id, district_id
),

final AS (
    SELECT * FROM per_district
)

SELECT * FROM final;
