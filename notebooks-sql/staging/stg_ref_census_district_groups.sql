-- notebooks-sql/staging/stg_ref_census_district_groups.sql
-- Grain: one row per census district (covid19india District_Key) that is counted in a group: a
-- district created after 2011 (role child) and the 2011 district(s) it was carved from (role parent).
-- Reads: reference/census_district_groups.csv (notebooks-sql/reference/, provenance in its SOURCES.md).
-- Paths resolve through file_search_path (see stg_ref_census_district_population.sql).
CREATE OR REPLACE VIEW stg_ref_census_district_groups AS
SELECT
    district_key,
    census_group_key,
    role AS census_group_role,
    reason,
    source
FROM read_csv(
    'reference/census_district_groups.csv',
    header = true,
    all_varchar = true
);
