-- notebooks-sql/staging/stg_session_history.sql
-- Grain: one row per session, session date and run of unchanged observations (change-only history).
-- Reads: tables/session_history/open/session_date=*/part-*.parquet (each session's last run) and
-- tables/session_history/closed/closed_by_sweep_id=*/part-*.parquet (runs a later sweep closed),
-- written by `vaxslots compact` (and by `vaxslots report` before it reads) from the sessions of the
-- sweeps with a marker; columns are defined in data-schema/tables/session_history.avsc and
-- data-schema/dictionary.csv. Every column is in the files (no hive keys needed).
-- Paths are relative to the data root. A filter on session_date skips files by their statistics.
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
    observations_count,
    closed_by_sweep_id
FROM read_parquet('tables/session_history/*/*/*.parquet', hive_partitioning = false);
