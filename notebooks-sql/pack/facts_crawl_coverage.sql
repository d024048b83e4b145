-- notebooks-sql/pack/facts_crawl_coverage.sql
-- Grain: one row: over the sweeps that fetched districts by id, how many, their lowest and median
-- crawl coverage, and the district fetches that brought no data (throttled or failed).
-- Reads: sweep_crawl_coverage.
SELECT
    CAST(count(*) AS VARCHAR) AS sweeps_with_districts,
    CAST(min(crawl_coverage_pct) AS VARCHAR) AS min_crawl_coverage_pct,
    CAST(CAST(median(crawl_coverage_pct) AS DECIMAL(4, 1)) AS VARCHAR) AS median_crawl_coverage_pct,
    CAST(coalesce(sum(districts_throttled + districts_failed), 0) AS VARCHAR) AS district_fetches_without_data
FROM sweep_crawl_coverage
WHERE districts_attempted > 0;
