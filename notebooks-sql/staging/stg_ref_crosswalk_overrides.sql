-- notebooks-sql/staging/stg_ref_crosswalk_overrides.sql
-- Grain: one row per Co-WIN district_id mapped by hand: a district_key where the name does not
-- match the key table, or an empty district_key for a district that cannot be mapped (the reason
-- says why).
-- Reads: reference/crosswalk_overrides.csv (notebooks-sql/reference/, provenance in its SOURCES.md).
-- Paths resolve through file_search_path (see stg_ref_census_district_population.sql).
CREATE OR REPLACE VIEW stg_ref_crosswalk_overrides AS
SELECT
    CAST(district_id AS INTEGER) AS district_id,
    nullif(trim(district_key), '') AS district_key,
    reason,
    source
FROM read_csv(
    'reference/crosswalk_overrides.csv',
    header = true,
    all_varchar = true
);
