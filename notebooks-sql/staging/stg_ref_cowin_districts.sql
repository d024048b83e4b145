-- notebooks-sql/staging/stg_ref_cowin_districts.sql
-- Grain: one row per Co-WIN district_id in Co-WIN's district list of 14 May 2021.
-- Reads: reference/cowin_districts_2021-05-14.csv (notebooks-sql/reference/, provenance in its SOURCES.md).
-- Paths resolve through file_search_path (see stg_ref_census_district_population.sql).
CREATE OR REPLACE VIEW stg_ref_cowin_districts AS
SELECT
    CAST(state_id AS INTEGER) AS state_id,
    CAST("district id" AS INTEGER) AS district_id,
    "district name" AS district_name,
    state_name
FROM read_csv(
    'reference/cowin_districts_2021-05-14.csv',
    header = true,
    all_varchar = true
);
