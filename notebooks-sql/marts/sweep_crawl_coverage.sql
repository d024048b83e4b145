-- notebooks-sql/marts/sweep_crawl_coverage.sql
-- Grain: one row per sweep that fetched a district, or saw sessions, for the report range.
-- Reads: int_district_fetches_classified, stg_sweep_district_sessions, stg_fetches,
-- int_district_lists_chosen. A district counts once per sweep, with the best outcome of its fetches:
-- ok, empty (valid, nothing listed: "no slots"), throttled (HTTP 403 or 429) or failed
-- (http_error, network_error, invalid_body). An imported sweep whose requests carry district ids
-- is counted exactly like a live one. crawl_coverage_pct = (ok + empty) / attempted.
-- The district list of the day (int_district_lists_chosen) is the sweep's own, the union of its
-- districts answers (district_list 'sweep'), else the bundled list of 14 May 2021
-- ('cowin_districts_2021-05-14'): districts_listed is its size and districts_not_attempted the
-- districts of it the sweep never asked for, all three empty when the sweep fetched no district by id.
CREATE OR REPLACE TABLE sweep_crawl_coverage AS
WITH district_fetches AS (
    SELECT * FROM int_district_fetches_classified
),

sessions AS (
    SELECT * FROM stg_sweep_district_sessions
    WHERE in_report_range(session_date)
),

fetches AS (
    SELECT * FROM stg_fetches
),

district_lists AS (
    SELECT * FROM int_district_lists_chosen
),

list_sizes AS (
    SELECT
        sweep_id,
        min(district_list) AS district_list,
        count(DISTINCT district_id) AS districts_listed
    FROM district_lists
    GROUP BY sweep_id
),

attempted_in_list AS (
    SELECT
        district_fetches.sweep_id,
        count(DISTINCT district_fetches.district_id) AS districts_attempted_in_list
    FROM district_fetches
    INNER JOIN district_lists
        ON district_lists.sweep_id = district_fetches.sweep_id
        AND district_lists.district_id = district_fetches.district_id
    GROUP BY district_fetches.sweep_id
),

sweeps AS (
    SELECT sweep_id FROM district_fetches
    UNION
    SELECT sweep_id FROM sessions
),

sweep_times AS (
    SELECT
        sweep_id,
        min(as_of_at) AS first_as_of_at,
        max(as_of_at) AS last_as_of_at,
        count(*) AS fetches_count
    FROM fetches
    GROUP BY sweep_id
),

district_counts AS (
    SELECT
        sweep_id,
        count(*) AS districts_attempted,
        count(*) FILTER (WHERE status = 'ok') AS districts_ok,
        count(*) FILTER (WHERE status = 'empty') AS districts_empty,
        count(*) FILTER (WHERE status = 'throttled') AS districts_throttled,
        count(*) FILTER (WHERE status NOT IN ('ok', 'empty', 'throttled')) AS districts_failed
    FROM district_fetches
    GROUP BY sweep_id
),

session_districts AS (
    SELECT
        sweep_id,
        count(DISTINCT district_id) AS districts_with_sessions
    FROM sessions
    GROUP BY sweep_id
),

final AS (
    SELECT
        sweeps.sweep_id,
        sweep_times.first_as_of_at,
        sweep_times.last_as_of_at,
        sweep_times.fetches_count,
        coalesce(district_counts.districts_attempted, 0) AS districts_attempted,
        coalesce(district_counts.districts_ok, 0) AS districts_ok,
        coalesce(district_counts.districts_empty, 0) AS districts_empty,
        coalesce(district_counts.districts_throttled, 0) AS districts_throttled,
        coalesce(district_counts.districts_failed, 0) AS districts_failed,
        coalesce(session_districts.districts_with_sessions, 0) AS districts_with_sessions,
        round(100.0 * (district_counts.districts_ok + district_counts.districts_empty)
            / nullif(district_counts.districts_attempted, 0), 1) AS crawl_coverage_pct,
        list_sizes.district_list,
        list_sizes.districts_listed,
        list_sizes.districts_listed - coalesce(attempted_in_list.districts_attempted_in_list, 0) AS districts_not_attempted
    FROM sweeps
    INNER JOIN sweep_times
        ON sweep_times.sweep_id = sweeps.sweep_id
    LEFT JOIN district_counts
        ON district_counts.sweep_id = sweeps.sweep_id
    LEFT JOIN session_districts
        ON session_districts.sweep_id = sweeps.sweep_id
    LEFT JOIN attempted_in_list
        ON attempted_in_list.sweep_id = sweeps.sweep_id
    LEFT JOIN list_sizes
        ON list_sizes.sweep_id = sweeps.sweep_id
)

SELECT * FROM final;
