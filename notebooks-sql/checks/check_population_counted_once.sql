-- notebooks-sql/checks/check_population_counted_once.sql
-- Passes when it returns no rows: each census district has one population, its Co-WIN units'
-- population shares add up to it, no Co-WIN district maps to two census districts, and a state's
-- population_covered is the sum of its distinct census districts whose every unit has data that day.
-- Reads: int_districts_crosswalked, stg_ref_census_district_population, state_age_group_daily,
-- district_age_group_daily.
WITH crosswalk AS (
    SELECT * FROM int_districts_crosswalked
),

populations AS (
    SELECT * FROM stg_ref_census_district_population
),

states AS (
    SELECT * FROM state_age_group_daily
),

districts AS (
    SELECT * FROM district_age_group_daily
),

duplicate_keys AS (
    SELECT
        'census district listed twice' AS problem,
        district_key AS row_key
    FROM populations
    GROUP BY district_key
    HAVING count(*) > 1
),

duplicate_cowin_ids AS (
    SELECT
        'Co-WIN district mapped twice' AS problem,
        CAST(district_id AS VARCHAR) AS row_key
    FROM crosswalk
    GROUP BY district_id
    HAVING count(*) > 1
),

shares_not_adding_up AS (
    SELECT
        'population shares do not add up' AS problem,
        district_key AS row_key
    FROM crosswalk
    WHERE population IS NOT NULL
    GROUP BY district_key
    HAVING abs(sum(population_share) - max(population)) > 0.001
        OR count(DISTINCT population) > 1
),

distinct_census_per_state AS (
    SELECT
        session_date,
        state_name,
        age_group,
        sum(census_population) AS population_distinct
    FROM (
        SELECT DISTINCT session_date, state_name, age_group, district_key, census_population
        FROM districts
        WHERE census_population IS NOT NULL
            AND census_units_with_data = census_units
    ) AS distinct_census
    GROUP BY session_date, state_name, age_group
),

state_overcounted AS (
    SELECT
        'state population counted more than once' AS problem,
        CAST(states.session_date AS VARCHAR) || ' ' || states.state_name || ' ' || states.age_group AS row_key
    FROM states
    INNER JOIN distinct_census_per_state
        ON distinct_census_per_state.session_date = states.session_date
        AND distinct_census_per_state.state_name = states.state_name
        AND distinct_census_per_state.age_group = states.age_group
    WHERE states.population_covered <> distinct_census_per_state.population_distinct
),

final AS (
    SELECT * FROM duplicate_keys
    UNION ALL
    SELECT * FROM duplicate_cowin_ids
    UNION ALL
    SELECT * FROM shares_not_adding_up
    UNION ALL
    SELECT * FROM state_overcounted
)

SELECT * FROM final;
