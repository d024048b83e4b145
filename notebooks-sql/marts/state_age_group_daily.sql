-- notebooks-sql/marts/state_age_group_daily.sql
-- Grain: one row per session date, state and age group of district_age_group_daily: listed in a
-- district of the state, or standard on a day one of its districts was read (then a row of zeros
-- when none listed anything). A district whose state is unknown (no session ever named it and it is
-- not in Co-WIN's district list) is left out.
-- Reads: district_age_group_daily, int_session_spells_summarised. Counts and capacities are sums
-- over the state's Co-WIN districts; open_capacity_per_100k divides the capacity of the census
-- districts whose every Co-WIN unit has data that day by their population (each counted
-- once), so a unit without data takes its census district out of both; when no census district is
-- left, per_100k_missing_reason gives the first reason found among its districts' rows, in the order
-- unit_without_data, no_population, not_in_crosswalk. open_share_pct_population_weighted weights
-- each Co-WIN district's open_share_pct by its population_share (the census population split
-- equally among its Co-WIN units); time to book medians are over the state's sessions.
CREATE OR REPLACE TABLE state_age_group_daily AS
WITH districts AS (
    SELECT * FROM district_age_group_daily
    WHERE state_name IS NOT NULL
),

sessions AS (
    SELECT * FROM int_session_spells_summarised
    WHERE district_id IS NOT NULL
),

district_sums AS (
    SELECT
        session_date,
        state_name,
        age_group,
        count(*) FILTER (WHERE sessions_listed > 0) AS districts_listed,
        count(*) FILTER (WHERE peak_open_capacity > 0) AS districts_with_open_slots,
        sum(centers_listed) AS centers_listed,
        sum(centers_with_open_slots) AS centers_with_open_slots,
        sum(sessions_listed) AS sessions_listed,
        sum(peak_open_capacity) AS peak_open_capacity,
        sum(capacity_released_est) AS capacity_released_est,
        sum(capacity_booked_est) AS capacity_booked_est,
        sum(sessions_booked_out) AS sessions_booked_out,
        sum(open_share_pct * population_share) FILTER (WHERE open_share_pct IS NOT NULL)
            / nullif(sum(population_share) FILTER (WHERE open_share_pct IS NOT NULL), 0)
            AS open_share_pct_population_weighted,
        sum(peak_open_capacity) FILTER (WHERE census_population IS NOT NULL AND census_units_with_data = census_units)
            AS peak_open_capacity_with_population,
        sum(sweeps_with_data) AS district_sweeps_with_data,
        sum(sweeps_without_data) AS district_sweeps_without_data,
        CASE
            WHEN bool_or(per_100k_missing_reason = 'unit_without_data') THEN 'unit_without_data'
            WHEN bool_or(per_100k_missing_reason = 'no_population') THEN 'no_population'
            WHEN bool_or(per_100k_missing_reason = 'not_in_crosswalk') THEN 'not_in_crosswalk'
        END AS first_missing_reason
    FROM districts
    GROUP BY session_date, state_name, age_group
),

census_populations AS (
    SELECT DISTINCT
        session_date,
        state_name,
        age_group,
        district_key,
        census_population
    FROM districts
    WHERE census_population IS NOT NULL
        AND census_units_with_data = census_units
),

population_covered AS (
    SELECT
        session_date,
        state_name,
        age_group,
        sum(census_population) AS population_covered
    FROM census_populations
    GROUP BY session_date, state_name, age_group
),

session_sums AS (
    SELECT
        session_date,
        state_name,
        age_group,
        median(time_to_book_min_lower) AS time_to_book_min_lower_median,
        quantile_cont(coalesce(time_to_book_min_upper, CAST('infinity' AS DOUBLE)), 0.5)
            FILTER (WHERE first_zero_after_open_at IS NOT NULL) AS time_to_book_min_upper_median_raw,
        sum(peak_capacity_dose1) AS peak_capacity_dose1,
        sum(peak_capacity_dose2) AS peak_capacity_dose2,
        sum(peak_capacity) FILTER (WHERE fee_type = 'Free') AS peak_capacity_free,
        sum(peak_capacity) FILTER (WHERE fee_type IS NOT NULL) AS peak_capacity_fee_known
    FROM sessions
    GROUP BY session_date, state_name, age_group
),

final AS (
    SELECT
        district_sums.session_date,
        district_sums.state_name,
        district_sums.age_group,
        district_sums.districts_listed,
        district_sums.districts_with_open_slots,
        district_sums.centers_listed,
        district_sums.centers_with_open_slots,
        district_sums.sessions_listed,
        district_sums.peak_open_capacity,
        district_sums.capacity_released_est,
        district_sums.capacity_booked_est,
        round(district_sums.open_share_pct_population_weighted, 1) AS open_share_pct_population_weighted,
        round(100.0 * district_sums.sessions_booked_out / nullif(district_sums.sessions_listed, 0), 1) AS booked_out_share_pct,
        round(session_sums.time_to_book_min_lower_median, 1) AS time_to_book_min_lower_median,
        CASE WHEN NOT isinf(session_sums.time_to_book_min_upper_median_raw)
            THEN round(session_sums.time_to_book_min_upper_median_raw, 1)
        END AS time_to_book_min_upper_median,
        population_covered.population_covered,
        round(100000.0 * district_sums.peak_open_capacity_with_population
            / nullif(population_covered.population_covered, 0), 2) AS open_capacity_per_100k,
        CASE WHEN coalesce(population_covered.population_covered, 0) = 0
            THEN coalesce(district_sums.first_missing_reason, 'no_population')
        END AS per_100k_missing_reason,
        round(100.0 * session_sums.peak_capacity_dose1
            / nullif(session_sums.peak_capacity_dose1 + session_sums.peak_capacity_dose2, 0), 1)
            AS dose1_capacity_share_pct,
        round(100.0 * coalesce(session_sums.peak_capacity_free, 0) / nullif(session_sums.peak_capacity_fee_known, 0), 1)
            AS free_capacity_share_pct,
        district_sums.district_sweeps_with_data,
        district_sums.district_sweeps_without_data
    FROM district_sums
    LEFT JOIN session_sums
        ON session_sums.session_date = district_sums.session_date
        AND session_sums.state_name = district_sums.state_name
        AND session_sums.age_group = district_sums.age_group
    LEFT JOIN population_covered
        ON population_covered.session_date = district_sums.session_date
        AND population_covered.state_name = district_sums.state_name
        AND population_covered.age_group = district_sums.age_group
)

SELECT * FROM final;
