-- notebooks-sql/pack/chart_crawl_coverage.sql
-- Grain: one row per sweep that fetched districts by id, in time order: what the crawl coverage
-- chart draws (districts per outcome, stacked).
-- Reads: sweep_crawl_coverage.
SELECT
    strftime(first_as_of_at, '%Y-%m-%d %H:%M UTC') AS first_as_of,
    districts_ok,
    districts_empty,
    districts_throttled,
    districts_failed
FROM sweep_crawl_coverage
WHERE districts_attempted > 0
ORDER BY first_as_of_at, sweep_id;
