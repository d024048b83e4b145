-- notebooks-sql/staging/stg_sweep_district_sessions.sql
-- Grain: one row per session date, sweep, Co-WIN district and age group that listed a session.
-- Reads: tables/sweep_district_sessions/sweep_id=*/part-*.parquet (one file per sweep), written by
-- `vaxslots compact` (and by `vaxslots report` before it reads) from the sessions of the sweeps with
-- a marker; columns are defined in data-schema/tables/sweep_district_sessions.avsc and
-- data-schema/dictionary.csv. Every column is in the files (no hive keys needed).
-- Paths are relative to the data root. A filter on session_date skips files by their statistics.
CREATE OR REPLACE VIEW stg_sweep_district_sessions AS
SELECT
    session_date,
    sweep_id,
    district_id,
    age_group,
    as_of_at,
    sessions_listed,
    sessions_open,
    open_capacity,
    open_center_ids
FROM read_parquet('tables/sweep_district_sessions/*/*.parquet', hive_partitioning = false);
