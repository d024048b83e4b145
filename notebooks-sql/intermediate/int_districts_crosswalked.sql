-- notebooks-sql/intermediate/int_districts_crosswalked.sql
-- Grain: one row per Co-WIN district_id of the 14 May 2021 district list, and per id that only
-- reference/crosswalk_overrides.csv lists (a district seen in an archive but not in that list).
-- Reads: stg_ref_cowin_districts, stg_ref_cowin_census_district_keys, stg_ref_crosswalk_overrides,
-- stg_ref_census_district_groups, stg_ref_census_district_population.
-- A Co-WIN district maps to a covid19india District_Key (matched_district_key): by hand where
-- reference/crosswalk_overrides.csv has its id, else by state and name, ignoring case and the
-- spaces around the name (the state is part of the match: Aurangabad, Bilaspur, Hamirpur and
-- Pratapgarh exist in two states). district_key is the census district its residents are counted
-- in: the matched one, or, for a district created after 2011 and for the 2011 district(s) it was
-- carved from, their group (reference/census_district_groups.csv), whose population is the sum of
-- the 2011 parents' and whose children add none. district_key is NULL when the district is not in
-- the crosswalk (unmapped_reason says why when it is listed as unmappable); population is NULL
-- when the census district has none. Many Co-WIN districts can share one district_key (health and
-- municipal units, post-2011 districts): population is repeated on each unit, and population_share
-- splits it equally among them, so that summing population_share never counts anyone twice.
CREATE OR REPLACE TABLE int_districts_crosswalked AS
WITH district_list AS (
    SELECT * FROM stg_ref_cowin_districts
),

census_keys AS (
    SELECT * FROM stg_ref_cowin_census_district_keys
),

overrides AS (
    SELECT * FROM stg_ref_crosswalk_overrides
),

groups AS (
    SELECT * FROM stg_ref_census_district_groups
),

populations AS (
    SELECT * FROM stg_ref_census_district_population
),

cowin_districts AS (
    SELECT district_id, state_name, district_name FROM district_list
    UNION ALL
    SELECT
        district_id,
        CAST(NULL AS VARCHAR) AS state_name,
        CAST(NULL AS VARCHAR) AS district_name
    FROM overrides
    WHERE district_id NOT IN (SELECT district_id FROM district_list)
),

keys_by_name AS (
    SELECT
        census_state_name,
        lower(trim(cowin_district_name)) AS name_key,
        min(district_key) AS district_key
    FROM census_keys
    GROUP BY census_state_name, lower(trim(cowin_district_name))
),

matched AS (
    SELECT
        cowin_districts.district_id,
        cowin_districts.state_name AS cowin_state_name,
        cowin_districts.district_name AS cowin_district_name,
        CASE
            WHEN overrides.district_id IS NOT NULL THEN overrides.district_key
            ELSE keys_by_name.district_key
        END AS matched_district_key,
        CASE
            WHEN overrides.district_id IS NOT NULL THEN 'override'
            WHEN keys_by_name.district_key IS NOT NULL THEN 'name'
        END AS matched_by,
        CASE WHEN overrides.district_id IS NOT NULL AND overrides.district_key IS NULL THEN overrides.reason END
            AS unmapped_reason
    FROM cowin_districts
    LEFT JOIN overrides
        ON overrides.district_id = cowin_districts.district_id
    LEFT JOIN keys_by_name
        ON keys_by_name.census_state_name = cowin_districts.state_name
        AND keys_by_name.name_key = lower(trim(cowin_districts.district_name))
),

group_populations AS (
    SELECT
        groups.census_group_key,
        string_agg(populations.census_district_name, ' + '
            ORDER BY strpos(groups.census_group_key, groups.district_key)) AS census_district_name,
        CASE WHEN count(*) = count(populations.population) THEN sum(populations.population) END AS population
    FROM groups
    LEFT JOIN populations
        ON populations.district_key = groups.district_key
    WHERE groups.census_group_role = 'parent'
    GROUP BY groups.census_group_key
),

grouped AS (
    SELECT
        matched.*,
        coalesce(groups.census_group_key, matched.matched_district_key) AS district_key,
        groups.census_group_role,
        CASE
            WHEN matched.matched_district_key IS NULL THEN 'unmapped'
            WHEN groups.census_group_role = 'child' THEN 'parent'
            ELSE matched.matched_by
        END AS match_method
    FROM matched
    LEFT JOIN groups
        ON groups.district_key = matched.matched_district_key
),

with_units AS (
    SELECT
        *,
        count(*) OVER (PARTITION BY district_key) AS cowin_units_in_census_district
    FROM grouped
),

final AS (
    SELECT
        with_units.district_id,
        with_units.cowin_state_name,
        with_units.cowin_district_name,
        with_units.district_key,
        coalesce(group_populations.census_district_name, populations.census_district_name) AS census_district_name,
        with_units.match_method,
        CASE WHEN with_units.district_key IS NULL THEN NULL ELSE with_units.cowin_units_in_census_district END
            AS cowin_units_in_census_district,
        CASE WHEN with_units.census_group_role IS NULL THEN populations.population ELSE group_populations.population END
            AS population,
        CASE WHEN with_units.census_group_role IS NULL THEN populations.population ELSE group_populations.population END
            / with_units.cowin_units_in_census_district AS population_share,
        with_units.matched_district_key,
        with_units.census_group_role,
        with_units.unmapped_reason
    FROM with_units
    LEFT JOIN group_populations
        ON group_populations.census_group_key = with_units.district_key
        AND with_units.census_group_role IS NOT NULL
    LEFT JOIN populations
        ON populations.district_key = with_units.district_key
)

SELECT * FROM final;
