-- notebooks-sql/reports/crawl_coverage.sql
-- Publishes crawl_coverage.csv (data-schema/reports/crawl_coverage.md).
-- Grain: one row per sweep.
-- Reads: sweep_crawl_coverage. Column names and order are a contract: add, never rename.
SELECT
    sweep_id,
    strftime(first_as_of_at, '%Y-%m-%dT%H:%M:%SZ') AS first_as_of_at,
    strftime(last_as_of_at, '%Y-%m-%dT%H:%M:%SZ') AS last_as_of_at,
    fetches_count,
    districts_attempted,
    districts_ok,
    districts_empty,
    districts_throttled,
    districts_failed,
    districts_with_sessions,
    CAST(crawl_coverage_pct AS DECIMAL(4, 1)) AS crawl_coverage_pct,
    district_list,
    districts_listed,
    districts_not_attempted
FROM sweep_crawl_coverage
ORDER BY first_as_of_at, sweep_id;
