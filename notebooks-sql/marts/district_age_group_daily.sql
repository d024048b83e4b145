-- notebooks-sql/marts/district_age_group_daily.sql
-- Grain: one row per session date, Co-WIN district and age group that listed at least one session,
-- and one per session date, district and standard age group (stg_age_groups) for every district a
-- district fetch read (ok or empty) with a request window covering the date, even when it listed
-- nothing there: "no slots" is a row of zeros, never a missing row.
-- Reads: int_session_spells_summarised, stg_sweep_district_sessions (open slots per sweep),
-- int_district_fetches_classified (the districts read and their windows), stg_age_groups,
-- int_district_sweeps_covered, int_districts_crosswalked, stg_session_history (names). Metrics as
-- defined in DESIGN.md: shares are 0-100; sweeps without data for the district are counted, never
-- read as "no slots"; per-capita figures are computed for the whole census district (all its Co-WIN
-- units together) and repeated on each unit's row, so no population is counted twice; they are
-- left empty on a day when any unit of the census district has no data (no sweep covering the day
-- captured it), since that unit's capacity is unknown, not zero, and per_100k_missing_reason says
-- why a cell is empty. A row of zeros has open_share_pct 0 and empty booked-out, time-to-book and
-- dose and fee shares (no session to measure).
CREATE OR REPLACE TABLE district_age_group_daily AS
WITH sessions AS (
    SELECT * FROM int_session_spells_summarised
    WHERE district_id IS NOT NULL
),

sweep_sessions AS (
    SELECT * FROM stg_sweep_district_sessions
    WHERE district_id IS NOT NULL
        AND in_report_range(session_date)
),

district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
),

crosswalk AS (
    SELECT * FROM int_districts_crosswalked
),

district_reads AS (
    SELECT * FROM int_district_fetches_classified
    WHERE has_data
),

standard_age_groups AS (
    SELECT * FROM stg_age_groups
    WHERE is_standard_rule
),

history AS (
    SELECT * FROM stg_session_history
    WHERE district_id IS NOT NULL
        AND in_report_range(session_date)
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

read_dates AS (
    SELECT DISTINCT
        district_id,
        window_start_date + CAST(day_offset AS INTEGER) AS session_date
    FROM (
        SELECT
            district_id,
            window_start_date,
            unnest(range(date_diff('day', window_start_date, window_end_date) + 1)) AS day_offset
        FROM district_reads
    ) AS read_days
),

read_dates_in_range AS (
    SELECT *
    FROM read_dates
    WHERE in_report_range(session_date)
),

-- Every key of the table: what was listed, and each standard group of each district read that day.
row_keys AS (
    SELECT session_date, district_id, age_group FROM session_metrics
    UNION
    SELECT DISTINCT
        read_dates_in_range.session_date,
        read_dates_in_range.district_id,
        standard_age_groups.age_group
    FROM read_dates_in_range
    INNER JOIN standard_age_groups
        ON read_dates_in_range.session_date BETWEEN standard_age_groups.standard_from_date AND standard_age_groups.standard_to_date
),

-- Names of a district as its sessions sent them in the range, else as Co-WIN's district list has them.
district_names AS (
    SELECT
        district_id,
        max(state_name) AS state_name,
        max(district_name) AS district_name
    FROM history
    GROUP BY district_id
),

all_rows AS (
    SELECT
        row_keys.session_date,
        row_keys.district_id,
        row_keys.age_group,
        coalesce(session_metrics.state_name, district_names.state_name, crosswalk.cowin_state_name) AS state_name,
        coalesce(session_metrics.district_name, district_names.district_name, crosswalk.cowin_district_name) AS district_name,
        coalesce(session_metrics.centers_listed, 0) AS centers_listed,
        coalesce(session_metrics.centers_with_open_slots, 0) AS centers_with_open_slots,
        coalesce(session_metrics.sessions_listed, 0) AS sessions_listed,
        coalesce(session_metrics.peak_open_capacity, 0) AS peak_open_capacity,
        coalesce(session_metrics.capacity_released_est, 0) AS capacity_released_est,
        coalesce(session_metrics.capacity_booked_est, 0) AS capacity_booked_est,
        coalesce(session_metrics.sessions_booked_out, 0) AS sessions_booked_out,
        coalesce(session_metrics.sessions_seen_booking_out, 0) AS sessions_seen_booking_out,
        session_metrics.time_to_book_min_lower_median,
        session_metrics.time_to_book_min_upper_median_raw,
        session_metrics.peak_capacity_dose1,
        session_metrics.peak_capacity_dose2,
        session_metrics.peak_capacity_free,
        session_metrics.peak_capacity_fee_known
    FROM row_keys
    LEFT JOIN session_metrics
        ON session_metrics.session_date = row_keys.session_date
        AND session_metrics.district_id = row_keys.district_id
        AND session_metrics.age_group = row_keys.age_group
    LEFT JOIN district_names
        ON district_names.district_id = row_keys.district_id
    LEFT JOIN crosswalk
        ON crosswalk.district_id = row_keys.district_id
),

district_dates AS (
    SELECT DISTINCT
        session_date,
        district_id
    FROM all_rows
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
        all_rows.*,
        crosswalk.district_key,
        crosswalk.population,
        crosswalk.population_share
    FROM all_rows
    LEFT JOIN crosswalk
        ON crosswalk.district_id = all_rows.district_id
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

per_capita AS (
    SELECT
        with_census.session_date,
        with_census.district_id,
        with_census.age_group,
        CASE WHEN census_capacity.census_units_with_data = census_capacity.census_units
            THEN round(100000.0 * census_capacity.census_peak_open_capacity / nullif(with_census.population, 0), 2)
        END AS open_capacity_per_100k,
        CASE
            WHEN with_census.district_key IS NULL THEN 'not_in_crosswalk'
            WHEN coalesce(with_census.population, 0) = 0 THEN 'no_population'
            WHEN census_capacity.census_units_with_data < census_capacity.census_units THEN 'unit_without_data'
        END AS per_100k_missing_reason
    FROM with_census
    LEFT JOIN census_capacity
        ON census_capacity.session_date = with_census.session_date
        AND census_capacity.district_key = with_census.district_key
        AND census_capacity.age_group = with_census.age_group
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
        round(100.0 * coalesce(open_sweeps.sweeps_with_open_slots, 0) / nullif(sweep_counts.sweeps_with_data, 0), 1)
            AS open_share_pct,
        round(100.0 * with_census.sessions_booked_out / nullif(with_census.sessions_listed, 0), 1) AS booked_out_share_pct,
        round(with_census.time_to_book_min_lower_median, 1) AS time_to_book_min_lower_median,
        CASE WHEN NOT isinf(with_census.time_to_book_min_upper_median_raw)
            THEN round(with_census.time_to_book_min_upper_median_raw, 1)
        END AS time_to_book_min_upper_median,
        per_capita.open_capacity_per_100k,
        per_capita.per_100k_missing_reason,
        round(100.0 * with_census.peak_capacity_dose1
            / nullif(with_census.peak_capacity_dose1 + with_census.peak_capacity_dose2, 0), 1)
            AS dose1_capacity_share_pct,
        round(100.0 * coalesce(with_census.peak_capacity_free, 0) / nullif(with_census.peak_capacity_fee_known, 0), 1)
            AS free_capacity_share_pct,
        sweep_counts.sweeps_with_data,
        sweep_counts.sweeps_without_data,
        coalesce(open_sweeps.sweeps_with_open_slots, 0) AS sweeps_with_open_slots,
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
    INNER JOIN per_capita
        ON per_capita.session_date = with_census.session_date
        AND per_capita.district_id = with_census.district_id
        AND per_capita.age_group = with_census.age_group
    LEFT JOIN open_sweeps
        ON open_sweeps.session_date = with_census.session_date
        AND open_sweeps.district_id = with_census.district_id
        AND open_sweeps.age_group = with_census.age_group
    LEFT JOIN census_capacity
        ON census_capacity.session_date = with_census.session_date
        AND census_capacity.district_key = with_census.district_key
        AND census_capacity.age_group = with_census.age_group
)

SELECT * FROM final;
