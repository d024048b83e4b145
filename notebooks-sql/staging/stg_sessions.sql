-- notebooks-sql/staging/stg_sessions.sql
-- Grain: one row per session per successful fetch.
-- Reads: tables/sessions/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns are
-- defined in data-schema/tables/sessions.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only the sweeps of normalized_sweeps() are read (normalize's markers in tables/_sweeps/), so a
-- half-published sweep never shows fetches without their sessions.
CREATE OR REPLACE VIEW stg_sessions AS
SELECT
    sweep_id,
    fetch_id,
    as_of_at,
    endpoint,
    session_id,
    center_id,
    state_name,
    district_name,
    district_id,
    block_name,
    pincode,
    session_date,
    vaccine,
    min_age_limit,
    max_age_limit,
    allow_all_age,
    age_group,
    available_capacity,
    available_capacity_dose1,
    available_capacity_dose2,
    fee_type,
    fee,
    slot_count,
    slots,
    slot_seats_total,
    is_capacity_rounded,
    capacity_as_sent
FROM read_parquet('tables/sessions/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (SELECT sweep_id FROM normalized_sweeps());
