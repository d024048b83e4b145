-- notebooks-sql/pack/facts_sweep_raw_files.sql
-- Grain: one row per sweep of the pack and raw WARC file it was normalized from (one row with a
-- NULL raw_file for a sweep without fetches), in time order: the manifest's input sweeps.
-- Reads: sweep_crawl_coverage, stg_fetches.
WITH raw_files AS (
    SELECT DISTINCT
        sweep_id,
        raw_file
    FROM stg_fetches
)

SELECT
    sweep_crawl_coverage.sweep_id,
    strftime(sweep_crawl_coverage.first_as_of_at, '%Y-%m-%dT%H:%M:%SZ') AS first_as_of_at,
    strftime(sweep_crawl_coverage.last_as_of_at, '%Y-%m-%dT%H:%M:%SZ') AS last_as_of_at,
    raw_files.raw_file
FROM sweep_crawl_coverage
LEFT JOIN raw_files
    ON raw_files.sweep_id = sweep_crawl_coverage.sweep_id
ORDER BY sweep_crawl_coverage.first_as_of_at, sweep_crawl_coverage.sweep_id, raw_files.raw_file;
