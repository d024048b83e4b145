-- notebooks-sql/pack/page_coverage.sql
-- Grain: one row, how sure the pack can be: the crawl behind it (the pack page's "how sure are we").
-- Reads: sweep_crawl_coverage, int_district_fetches_classified, int_district_lists_chosen,
-- sweep_reject_reasons. Districts listed is the union of the district lists of the day of the
-- report's sweeps; districts read are those at least one of those sweeps read (ok or empty).
WITH sweeps AS (
    SELECT * FROM sweep_crawl_coverage
),

district_fetches AS (
    SELECT district_fetches.*
    FROM int_district_fetches_classified AS district_fetches
    INNER JOIN sweeps ON sweeps.sweep_id = district_fetches.sweep_id
),

district_lists AS (
    SELECT district_lists.*
    FROM int_district_lists_chosen AS district_lists
    INNER JOIN sweeps ON sweeps.sweep_id = district_lists.sweep_id
),

rejects AS (
    SELECT * FROM sweep_reject_reasons
),

final AS (
    SELECT
        (SELECT count(*) FROM sweeps) AS sweeps_count,
        (SELECT count(*) FILTER (WHERE districts_attempted > 0) FROM sweeps) AS sweeps_with_districts,
        (SELECT CAST(median(crawl_coverage_pct) AS DECIMAL(4, 1)) FROM sweeps WHERE districts_attempted > 0)
            AS median_crawl_coverage_pct,
        (SELECT CAST(min(crawl_coverage_pct) AS DECIMAL(4, 1)) FROM sweeps WHERE districts_attempted > 0)
            AS min_crawl_coverage_pct,
        (SELECT count(DISTINCT district_id) FROM district_lists) AS districts_listed,
        (SELECT count(DISTINCT district_id) FROM district_fetches) AS districts_asked,
        (SELECT count(DISTINCT district_id) FILTER (WHERE has_data) FROM district_fetches) AS districts_read,
        (SELECT count(*) FILTER (WHERE NOT has_data) FROM district_fetches) AS district_fetches_without_data,
        (SELECT coalesce(sum(responses), 0) FROM rejects) AS rejected_responses,
        (SELECT coalesce(sum(records), 0) FROM rejects) AS rejected_records
)

SELECT * FROM final;
