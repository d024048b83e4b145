-- notebooks-sql/staging/stg_ref_census_district_population.sql
-- Grain: one row per census district (covid19india District_Key).
-- Reads: reference/census_district_population.csv (notebooks-sql/reference/, provenance in its SOURCES.md).
-- Paths resolve through file_search_path: the runner sets it to the data root and the reference
-- tables; in a DuckDB shell started in the data root:
--   SET file_search_path = '.,/path/to/vaxslots/notebooks-sql';
CREATE OR REPLACE VIEW stg_ref_census_district_population AS
SELECT
    "State_Code" AS state_code,
    "State" AS census_state_name,
    "District_Key" AS district_key,
    "District" AS census_district_name,
    CAST("Population" AS BIGINT) AS population
FROM read_csv(
    'reference/census_district_population.csv',
    header = true,
    all_varchar = true
);
