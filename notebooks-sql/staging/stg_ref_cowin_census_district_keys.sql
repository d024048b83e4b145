-- notebooks-sql/staging/stg_ref_cowin_census_district_keys.sql
-- Grain: one row per Co-WIN district name as covid19india matched it (Cowin Key) and its state.
-- Reads: reference/cowin_census_district_keys.csv (notebooks-sql/reference/, provenance in its SOURCES.md).
-- Paths resolve through file_search_path (see stg_ref_census_district_population.sql).
CREATE OR REPLACE VIEW stg_ref_cowin_census_district_keys AS
SELECT
    "State" AS census_state_name,
    "District_Key" AS district_key,
    "Cowin Key" AS cowin_district_name
FROM read_csv(
    'reference/cowin_census_district_keys.csv',
    header = true,
    all_varchar = true
);
