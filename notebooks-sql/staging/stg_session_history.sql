-- notebooks-sql/staging/stg_session_history.sql
-- Grain: one row per session, session date and run of unchanged observations (change-only history).
-- Reads: tables/session_history/session_date=*/part-*.parquet, written by `vaxslots compact` (and by
-- `vaxslots report` before it reads) from the sessions of the sweeps with a marker; columns are
-- defined in data-schema/tables/session_history.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root. A filter on session_date reads only those partitions.
CREATE OR REPLACE VIEW stg_session_history AS
SELECT
    session_date,
    session_id,
    run_number,
    center_id,
    state_name,
    district_name,
    district_id,
    age_group,
    vaccine,
    fee_type,
    available_capacity,
    available_capacity_dose1,
    available_capacity_dose2,
    previous_capacity,
    valid_from_sweep_id,
    valid_to_sweep_id,
    valid_from_at,
    valid_to_at,
    observations_count
FROM read_parquet('tables/session_history/*/*.parquet', hive_partitioning = true);
