-- notebooks-sql/pack/facts_district_list.sql
-- Grain: one row: the district list of the day (union over the sweeps) against what the sweeps
-- asked for: districts and states listed, districts and states asked for, and the fewest and most
-- listed districts one sweep asked for.
-- Reads: int_district_lists_chosen, int_district_fetches_classified, sweep_crawl_coverage.
WITH asked AS (
    SELECT DISTINCT district_id
    FROM int_district_fetches_classified
),

per_sweep AS (
    SELECT districts_listed - districts_not_attempted AS asked_in_list
    FROM sweep_crawl_coverage
    WHERE districts_attempted > 0
),

listed AS (
    SELECT
        district_id,
        min(state_id) AS state_id
    FROM int_district_lists_chosen
    GROUP BY district_id
)

SELECT
    CAST(count(DISTINCT listed.district_id) AS VARCHAR) AS districts_listed,
    CAST(count(DISTINCT listed.state_id) AS VARCHAR) AS states_listed,
    CAST(count(DISTINCT asked.district_id) AS VARCHAR) AS districts_asked,
    CAST(count(DISTINCT listed.state_id) FILTER (WHERE asked.district_id IS NOT NULL) AS VARCHAR) AS states_asked,
    CAST(coalesce((SELECT min(asked_in_list) FROM per_sweep), 0) AS VARCHAR) AS fewest_asked_per_sweep,
    CAST(coalesce((SELECT max(asked_in_list) FROM per_sweep), 0) AS VARCHAR) AS most_asked_per_sweep
FROM listed
LEFT JOIN asked
    ON asked.district_id = listed.district_id;
