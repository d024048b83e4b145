-- notebooks-sql/staging/stg_schema_events.sql
-- Grain: one row per sweep, endpoint, field path, event and detail.
-- Reads: tables/schema_events/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns are
-- defined in data-schema/tables/schema_events.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only the sweeps of normalized_sweeps() are read (normalize's markers in tables/_sweeps/), so a
-- half-published sweep never shows fetches without their sessions.
CREATE OR REPLACE VIEW stg_schema_events AS
SELECT
    sweep_id,
    endpoint,
    path,
    event,
    detail,
    first_fetch_id,
    first_seen_at,
    occurrences
FROM read_parquet('tables/schema_events/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (SELECT sweep_id FROM normalized_sweeps());
