-- notebooks-sql/staging/stg_codebook.sql
-- Grain: one row per value a coded column may hold (data-schema/codebook.csv).
-- Reads: ../data-schema/codebook.csv, the one list of the values of every coded column: a code
-- list (column_name) applies to every table column of that name (endpoint: fetches, centers,
-- sessions, rejects, schema_events). age_group has its own owner, the rule table (stg_age_groups).
-- Paths resolve through file_search_path: in a DuckDB shell started in the data root,
--   SET file_search_path = '.,/path/to/vaxslots/notebooks-sql';
-- finds it beside notebooks-sql/ (the runner lays out the same two directories under tmp/).
CREATE OR REPLACE VIEW stg_codebook AS
SELECT
    column_name,
    value,
    meaning
FROM read_csv(
    '../data-schema/codebook.csv',
    header = true,
    all_varchar = true
);
