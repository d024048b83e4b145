-- notebooks-sql/staging/stg_sessions.sql
-- Grain: one row per session per successful fetch.
-- Reads: tables/sessions/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns are
-- defined in data-schema/tables/sessions.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only sweeps with a marker in tables/_sweeps/ are read: normalize writes it after the sweep's
-- last partition, so a half-published sweep never shows fetches without their sessions.
CREATE OR REPLACE VIEW stg_sessions AS
SELECT *
FROM read_parquet('tables/sessions/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (
    SELECT regexp_extract(file, '([^/]+)\.json$', 1)
    FROM glob('tables/_sweeps/*.json')
);
