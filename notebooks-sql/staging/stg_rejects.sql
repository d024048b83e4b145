-- notebooks-sql/staging/stg_rejects.sql
-- Grain: one row per record or response that could not be normalized.
-- Reads: tables/rejects/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns are
-- defined in data-schema/tables/rejects.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only the sweeps of normalized_sweeps() are read (normalize's markers in tables/_sweeps/), so a
-- half-published sweep never shows fetches without their sessions.
CREATE OR REPLACE VIEW stg_rejects AS
SELECT
    sweep_id,
    source,
    "offset",
    fetch_id,
    endpoint,
    record_path,
    reason_code,
    reason,
    snippet
FROM read_parquet('tables/rejects/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (SELECT sweep_id FROM normalized_sweeps());
