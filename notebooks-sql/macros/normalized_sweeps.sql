-- notebooks-sql/macros/normalized_sweeps.sql
-- Grain: one row per sweep that normalize finished (sweep_id); a table macro, called as
-- normalized_sweeps().
-- Reads: tables/_sweeps/*.json, the markers `vaxslots normalize` writes after a sweep's last
-- partition; the path is relative to the data root (DuckDB's file_search_path), as in staging.
-- The staging views over normalize's tables keep only these sweeps, so a half-published sweep
-- never shows fetches without their sessions. A macro, not a view: it is a filter the staging
-- views share, not a table a reader queries (`vaxslots sql`'s .tables does not list it).
CREATE OR REPLACE MACRO normalized_sweeps() AS TABLE
SELECT
    regexp_extract(file, '([^/]+)\.json$', 1) AS sweep_id
FROM glob('tables/_sweeps/*.json');
