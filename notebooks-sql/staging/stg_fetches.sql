-- notebooks-sql/staging/stg_fetches.sql
-- Grain: one row per archived response (an HTTP attempt of a sweep, or an imported file).
-- Reads: tables/fetches/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns are
-- defined in data-schema/tables/fetches.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only the sweeps of normalized_sweeps() are read (normalize's markers in tables/_sweeps/), so a
-- half-published sweep never shows fetches without their sessions.
CREATE OR REPLACE VIEW stg_fetches AS
SELECT
    sweep_id,
    fetch_id,
    endpoint,
    state_id,
    district_id,
    pincode,
    center_id,
    request_date,
    target_uri,
    http_status,
    outcome,
    fetched_at,
    server_date_at,
    age_seconds,
    etag,
    as_of_at,
    as_of_source,
    body_bytes,
    body_sha256,
    centers_count,
    sessions_count,
    rejects_count,
    raw_file,
    raw_offset,
    source_file,
    git_commit
FROM read_parquet('tables/fetches/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (SELECT sweep_id FROM normalized_sweeps());
