-- notebooks-sql/staging/stg_centers.sql
-- Grain: one row per center per successful fetch.
-- Reads: tables/centers/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns are
-- defined in data-schema/tables/centers.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only the sweeps of normalized_sweeps() are read (normalize's markers in tables/_sweeps/), so a
-- half-published sweep never shows fetches without their sessions.
CREATE OR REPLACE VIEW stg_centers AS
SELECT
    sweep_id,
    fetch_id,
    as_of_at,
    endpoint,
    center_id,
    name,
    address,
    state_name,
    district_name,
    district_id,
    block_name,
    pincode,
    lat,
    long,
    from_time,
    to_time,
    is_overnight,
    fee_type,
    vaccine_fees,
    sessions_count
FROM read_parquet('tables/centers/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (SELECT sweep_id FROM normalized_sweeps());
