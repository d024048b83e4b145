-- notebooks-sql/staging/stg_listed_districts.sql
-- Grain: one row per district listed in a districts answer of a sweep (sweep_id, fetch_id, district_id).
-- Reads: tables/listed_districts/sweep_id=*/part-*.parquet, written by `vaxslots normalize`; columns
-- are defined in data-schema/tables/listed_districts.avsc and data-schema/dictionary.csv.
-- Paths are relative to the data root: run from there in a DuckDB shell, or through `vaxslots sql`.
-- Only the sweeps of normalized_sweeps() are read (normalize's markers in tables/_sweeps/), so a
-- half-published sweep never shows fetches without their sessions.
-- A sweep without districts answers has an empty partition: its district list of the day is then
-- the bundled one (marts/sweep_crawl_coverage.sql).
CREATE OR REPLACE VIEW stg_listed_districts AS
SELECT
    sweep_id,
    fetch_id,
    state_id,
    district_id,
    district_name
FROM read_parquet('tables/listed_districts/**/*.parquet', hive_partitioning = true)
WHERE sweep_id IN (SELECT sweep_id FROM normalized_sweeps());
