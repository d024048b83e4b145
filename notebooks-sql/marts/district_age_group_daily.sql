-- notebooks-sql/marts/district_age_group_daily.sql
-- Grain: one row per session date, Co-WIN district and age group that listed at least one session.
-- Reads: int_session_spells_summarised, stg_sweep_district_sessions (open slots per sweep),
-- int_district_sweeps_covered, int_districts_crosswalked. Metrics as defined in DESIGN.md:
-- shares are 0-100; sweeps without data for the district are counted, never read as "no slots";
-- per-capita figures are computed for the whole census district (all its Co-WIN units together)
-- and repeated on each unit's row, so no population is counted twice; they are left empty on a
-- day when any unit of the census district has no data (no sweep covering the day captured it),
-- since that unit's capacity is unknown, not zero.
CREATE OR REPLACE TABLE district_age_group_daily AS
WITH sessions AS (
    SELECT * FROM int_session_spells_summarised
    WHERE district_id IS NOT NULL
),

sweep_sessions AS (
    SELECT * FROM stg_sweep_district_sessions
    WHERE district_id IS NOT NULL
        AND session_date BETWEEN coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01')
            AND coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31')
),

district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
),

crosswalk AS (
    SELECT * FROM int_districts_crosswalked
),

session_metrics AS (
    SELECT
        session_date,
        district_id,
        age_group,
        max(state_name) AS state_name,
        max(district_name) AS district_name,
        count(DISTINCT center_id) AS centers_listed,
        count(DISTINCT center_id) FILTER (WHERE peak_capacity > 0) AS centers_with_open_slots,
        count(*) AS sessions_listed,
        sum(peak_capacity) AS peak_open_capacity,
        sum(capacity_released_est) AS capacity_released_est,
        sum(capacity_booked_est) AS capacity_booked_est,
        count(*) FILTER (WHERE is_booked_out) AS sessions_booked_out,
        count(*) FILTER (WHERE first_zero_after_open_at IS NOT NULL) AS sessions_seen_booking_out,
        median(time_to_book_min_lower) AS time_to_book_min_lower_median,
        quantile_cont(coalesce(time_to_book_min_upper, CAST('infinity' AS DOUBLE)), 0.5)
            FILTER (WHERE first_zero_after_open_at IS NOT NULL) AS time_to_book_min_upper_median_raw,
        sum(peak_capacity_dose1) AS peak_capacity_dose1,
        sum(peak_capacity_dose2) AS peak_capacity_dose2,
        sum(peak_capacity) FILTER (WHERE fee_type = 'Free') AS peak_capacity_free,
        sum(peak_capacity) FILTER (WHERE fee_type IS NOT NULL) AS peak_capacity_fee_known
    FROM sessions
    GROUP BY session_date, district_id, age_group
),

open_per_sweep AS (
    SELECT
        sweep_id,
        session_date,
        district_id,
        age_group,
        sum(open_capacity) AS open_capacity
    FROM sweep_sessions
    GROUP BY sweep_id, session_date, district_id, age_group
),

open_sweeps AS (
    SELECT
        session_date,
        district_id,
        age_group,
        count(*) FILTER (WHERE open_capacity > 0) AS sweeps_with_open_slots
    FROM open_per_sweep
    GROUP BY session_date, district_id, age_group
),

district_dates AS (
    SELECT DISTINCT
        session_date,
        district_id
    FROM session_metrics
),

sweep_counts AS (
    SELECT
        district_dates.session_date,
        district_dates.district_id,
        count(*) FILTER (WHERE district_sweeps.has_data) AS sweeps_with_data,
        count(*) FILTER (WHERE NOT district_sweeps.has_data) AS sweeps_without_data
    FROM district_dates
    INNER JOIN district_sweeps
        ON district_sweeps.district_id = district_dates.district_id
        AND district_dates.session_date BETWEEN district_sweeps.window_start_date AND district_sweeps.window_end_date
    GROUP BY district_dates.session_date, district_dates.district_id
),

with_census AS (
    SELECT
        session_metrics.*,
        crosswalk.district_key,
        crosswalk.population,
        crosswalk.population_share
    FROM session_metrics
    LEFT JOIN crosswalk
        ON crosswalk.district_id = session_metrics.district_id
),

census_units AS (
    SELECT
        district_key,
        count(*) AS census_units
    FROM crosswalk
    WHERE district_key IS NOT NULL
    GROUP BY district_key
),

census_dates AS (
    SELECT DISTINCT
        session_date,
        district_key
    FROM with_census
    WHERE district_key IS NOT NULL
),

-- The units of each census district that have data on the day: a sweep captured them (ok or
-- empty) and its window holds the day. A unit that listed no session that day but has data
-- counts as zero capacity; one without data makes the census district's capacity unknown.
census_units_with_data AS (
    SELECT
        census_dates.session_date,
        census_dates.district_key,
        count(DISTINCT crosswalk.district_id) AS census_units_with_data
    FROM census_dates
    INNER JOIN crosswalk
        ON crosswalk.district_key = census_dates.district_key
    INNER JOIN district_sweeps
        ON district_sweeps.district_id = crosswalk.district_id
        AND district_sweeps.has_data
        AND census_dates.session_date BETWEEN district_sweeps.window_start_date AND district_sweeps.window_end_date
    GROUP BY census_dates.session_date, census_dates.district_key
),

census_capacity AS (
    SELECT
        with_census.session_date,
        with_census.district_key,
        with_census.age_group,
        sum(with_census.peak_open_capacity) AS census_peak_open_capacity,
        max(census_units.census_units) AS census_units,
        max(coalesce(census_units_with_data.census_units_with_data, 0)) AS census_units_with_data
    FROM with_census
    INNER JOIN census_units
        ON census_units.district_key = with_census.district_key
    LEFT JOIN census_units_with_data
        ON census_units_with_data.session_date = with_census.session_date
        AND census_units_with_data.district_key = with_census.district_key
    GROUP BY with_census.session_date, with_census.district_key, with_census.age_group
),

final AS (
    SELECT
        with_census.session_date,
        with_census.state_name,
        with_census.district_name,
        with_census.district_id,
        with_census.age_group,
        with_census.centers_listed,
        with_census.centers_with_open_slots,
        with_census.sessions_listed,
        with_census.peak_open_capacity,
        with_census.capacity_released_est,
        with_census.capacity_booked_est,
        round(100.0 * open_sweeps.sweeps_with_open_slots / nullif(sweep_counts.sweeps_with_data, 0), 1)
            AS open_share_pct,
        round(100.0 * with_census.sessions_booked_out / with_census.sessions_listed, 1) AS booked_out_share_pct,
        round(with_census.time_to_book_min_lower_median, 1) AS time_to_book_min_lower_median,
        CASE WHEN NOT isinf(with_census.time_to_book_min_upper_median_raw)
            THEN round(with_census.time_to_book_min_upper_median_raw, 1)
        END AS time_to_book_min_upper_median,
        CASE WHEN census_capacity.census_units_with_data = census_capacity.census_units
            THEN round(100000.0 * census_capacity.census_peak_open_capacity / nullif(with_census.population, 0), 2)
        END AS open_capacity_per_100k,
        round(100.0 * with_census.peak_capacity_dose1
            / nullif(with_census.peak_capacity_dose1 + with_census.peak_capacity_dose2, 0), 1)
            AS dose1_capacity_share_pct,
        round(100.0 * coalesce(with_census.peak_capacity_free, 0) / nullif(with_census.peak_capacity_fee_known, 0), 1)
            AS free_capacity_share_pct,
        sweep_counts.sweeps_with_data,
        sweep_counts.sweeps_without_data,
        open_sweeps.sweeps_with_open_slots,
        with_census.sessions_booked_out,
        with_census.sessions_seen_booking_out,
        with_census.district_key,
        with_census.population AS census_population,
        with_census.population_share,
        census_capacity.census_units,
        census_capacity.census_units_with_data
    FROM with_census
    INNER JOIN sweep_counts
        ON sweep_counts.session_date = with_census.session_date
        AND sweep_counts.district_id = with_census.district_id
    INNER JOIN open_sweeps
        ON open_sweeps.session_date = with_census.session_date
        AND open_sweeps.district_id = with_census.district_id
        AND open_sweeps.age_group = with_census.age_group
    LEFT JOIN census_capacity
        ON census_capacity.session_date = with_census.session_date
        AND census_capacity.district_key = with_census.district_key
        AND census_capacity.age_group = with_census.age_group
)

SELECT * FROM final;
