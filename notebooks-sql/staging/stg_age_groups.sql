-- notebooks-sql/staging/stg_age_groups.sql
-- Grain: one row per rule of the age-group rule table (data-schema/age_groups.csv).
-- Reads: ../data-schema/age_groups.csv, the table normalize classifies sessions by. standard_from
-- and standard_to give the session dates on which the rule's age group was a standard group of
-- the drive (open to everyone of that age): '*' is no bound, an empty pair never. The report gives
-- every district read on a day a row for each standard group, even when it listed nothing.
-- Paths resolve through file_search_path: in a DuckDB shell started in the data root,
--   SET file_search_path = '.,/path/to/vaxslots/notebooks-sql';
-- finds it beside notebooks-sql/ (the runner lays out the same two directories under tmp/).
CREATE OR REPLACE VIEW stg_age_groups AS
SELECT
    age_group,
    standard_from IS NOT NULL AS is_standard_rule,
    CASE WHEN standard_from = '*' THEN DATE '0001-01-01' ELSE CAST(standard_from AS DATE) END AS standard_from_date,
    CASE WHEN standard_to = '*' THEN DATE '9999-12-31' ELSE CAST(standard_to AS DATE) END AS standard_to_date
FROM read_csv(
    '../data-schema/age_groups.csv',
    header = true,
    all_varchar = true
);
