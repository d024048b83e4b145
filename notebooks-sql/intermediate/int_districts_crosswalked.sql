-- notebooks-sql/intermediate/int_districts_crosswalked.sql
-- Grain: one row per Co-WIN district_id of the 14 May 2021 district list.
-- Reads: stg_ref_cowin_districts, stg_ref_cowin_census_district_keys, stg_ref_crosswalk_overrides,
-- stg_ref_census_district_population. Many Co-WIN districts can share one census district
-- (district_key): population is that census district's, repeated on each of its Co-WIN units, and
-- population_share splits it equally among them, so that summing population_share never counts a
-- census district twice.
CREATE OR REPLACE TABLE int_districts_crosswalked AS
WITH cowin_districts AS (
    SELECT * FROM stg_ref_cowin_districts
),

census_keys AS (
    SELECT * FROM stg_ref_cowin_census_district_keys
),

overrides AS (
    SELECT * FROM stg_ref_crosswalk_overrides
),

populations AS (
    SELECT * FROM stg_ref_census_district_population
),

keys_by_name AS (
    SELECT
        census_state_name,
        cowin_district_name,
        min(district_key) AS district_key
    FROM census_keys
    GROUP BY census_state_name, cowin_district_name
),

matched AS (
    SELECT
        cowin_districts.district_id,
        cowin_districts.state_name AS cowin_state_name,
        cowin_districts.district_name AS cowin_district_name,
        coalesce(overrides.district_key, keys_by_name.district_key) AS district_key,
        CASE
            WHEN overrides.district_key IS NOT NULL THEN 'override'
            WHEN keys_by_name.district_key IS NOT NULL THEN 'name'
            ELSE 'unmatched'
        END AS match_method
    FROM cowin_districts
    LEFT JOIN overrides
        ON overrides.district_id = cowin_districts.district_id
    LEFT JOIN keys_by_name
        ON keys_by_name.census_state_name = cowin_districts.state_name
        AND keys_by_name.cowin_district_name = cowin_districts.district_name
),

with_units AS (
    SELECT
        *,
        count(*) OVER (PARTITION BY district_key) AS cowin_units_in_census_district
    FROM matched
),

final AS (
    SELECT
        with_units.district_id,
        with_units.cowin_state_name,
        with_units.cowin_district_name,
        with_units.district_key,
        populations.census_district_name,
        with_units.match_method,
        CASE WHEN with_units.district_key IS NULL THEN NULL ELSE with_units.cowin_units_in_census_district END
            AS cowin_units_in_census_district,
        populations.population,
        populations.population / with_units.cowin_units_in_census_district AS population_share
    FROM with_units
    LEFT JOIN populations
        ON populations.district_key = with_units.district_key
)

SELECT * FROM final;
