-- notebooks-sql/checks/check_coded_values_accepted.sql
-- Passes when it returns no rows: every coded column holds only the values its code list allows.
-- The code lists are data-schema/codebook.csv (stg_codebook: outcome, as_of_source, endpoint,
-- reason_code, event), each read in every table that has a column of its name; age_group holds a
-- group of the rule table (stg_age_groups) or, for a combination no rule covers, the label kept
-- for it (min+ or min-max, e.g. 44+, 12-60; normalize also records it as a schema event). An empty
-- value (null) is not a code and is left to the column's nullability. A row names the relation,
-- the column, the value not in its list and how many rows hold it: fix the code list when the
-- value is right, else the code that wrote it.
-- Reads: stg_codebook, stg_age_groups, stg_fetches, stg_centers, stg_rejects, stg_schema_events,
-- and stg_sessions, stg_session_history, stg_sweep_district_sessions in the report range.
WITH codebook AS (
    SELECT * FROM stg_codebook
),

age_groups AS (
    SELECT DISTINCT age_group FROM stg_age_groups
),

sessions AS (
    SELECT * FROM stg_sessions
    WHERE in_report_range(session_date)
),

session_history AS (
    SELECT * FROM stg_session_history
    WHERE in_report_range(session_date)
),

sweep_district_sessions AS (
    SELECT * FROM stg_sweep_district_sessions
    WHERE in_report_range(session_date)
),

-- Each table is read once: one GROUPING SETS per table counts every coded column of it,
-- GROUPING(column) = 0 marks the rows of that column's set, and MATERIALIZED keeps it one read
-- (a month's report reads each table's 2,880 files once, not once per column).
fetches_coded AS MATERIALIZED (
    SELECT
        outcome, as_of_source, endpoint,
        GROUPING(outcome) AS by_outcome, GROUPING(as_of_source) AS by_as_of_source, GROUPING(endpoint) AS by_endpoint,
        count(*) AS rows_count
    FROM stg_fetches
    GROUP BY GROUPING SETS ((outcome), (as_of_source), (endpoint))
),

sessions_coded AS MATERIALIZED (
    SELECT
        endpoint, age_group,
        GROUPING(endpoint) AS by_endpoint, GROUPING(age_group) AS by_age_group,
        count(*) AS rows_count
    FROM sessions
    GROUP BY GROUPING SETS ((endpoint), (age_group))
),

rejects_coded AS MATERIALIZED (
    SELECT
        endpoint, reason_code,
        GROUPING(endpoint) AS by_endpoint, GROUPING(reason_code) AS by_reason_code,
        count(*) AS rows_count
    FROM stg_rejects
    GROUP BY GROUPING SETS ((endpoint), (reason_code))
),

schema_events_coded AS MATERIALIZED (
    SELECT
        endpoint, event,
        GROUPING(endpoint) AS by_endpoint, GROUPING(event) AS by_event,
        count(*) AS rows_count
    FROM stg_schema_events
    GROUP BY GROUPING SETS ((endpoint), (event))
),

coded_values AS (
    SELECT 'fetches' AS relation, 'outcome' AS column_name, outcome AS value, rows_count
    FROM fetches_coded WHERE by_outcome = 0
    UNION ALL
    SELECT 'fetches' AS relation, 'as_of_source' AS column_name, as_of_source AS value, rows_count
    FROM fetches_coded WHERE by_as_of_source = 0
    UNION ALL
    SELECT 'fetches' AS relation, 'endpoint' AS column_name, endpoint AS value, rows_count
    FROM fetches_coded WHERE by_endpoint = 0
    UNION ALL
    SELECT 'centers' AS relation, 'endpoint' AS column_name, endpoint AS value, count(*) AS rows_count
    FROM stg_centers GROUP BY endpoint
    UNION ALL
    SELECT 'sessions' AS relation, 'endpoint' AS column_name, endpoint AS value, rows_count
    FROM sessions_coded WHERE by_endpoint = 0
    UNION ALL
    SELECT 'sessions' AS relation, 'age_group' AS column_name, age_group AS value, rows_count
    FROM sessions_coded WHERE by_age_group = 0
    UNION ALL
    SELECT 'rejects' AS relation, 'endpoint' AS column_name, endpoint AS value, rows_count
    FROM rejects_coded WHERE by_endpoint = 0
    UNION ALL
    SELECT 'rejects' AS relation, 'reason_code' AS column_name, reason_code AS value, rows_count
    FROM rejects_coded WHERE by_reason_code = 0
    UNION ALL
    SELECT 'schema_events' AS relation, 'endpoint' AS column_name, endpoint AS value, rows_count
    FROM schema_events_coded WHERE by_endpoint = 0
    UNION ALL
    SELECT 'schema_events' AS relation, 'event' AS column_name, event AS value, rows_count
    FROM schema_events_coded WHERE by_event = 0
    UNION ALL
    SELECT 'session_history' AS relation, 'age_group' AS column_name, age_group AS value, count(*) AS rows_count
    FROM session_history GROUP BY age_group
    UNION ALL
    SELECT 'sweep_district_sessions' AS relation, 'age_group' AS column_name, age_group AS value, count(*) AS rows_count
    FROM sweep_district_sessions GROUP BY age_group
),

final AS (
    SELECT
        coded_values.relation,
        coded_values.column_name,
        coded_values.value,
        coded_values.rows_count
    FROM coded_values
    LEFT JOIN codebook
        ON codebook.column_name = coded_values.column_name
        AND codebook.value = coded_values.value
    LEFT JOIN age_groups
        ON coded_values.column_name = 'age_group'
        AND age_groups.age_group = coded_values.value
    WHERE coded_values.value IS NOT NULL
        AND codebook.value IS NULL
        AND age_groups.age_group IS NULL
        AND NOT (coded_values.column_name = 'age_group' AND regexp_full_match(coded_values.value, '[0-9]+(\+|-[0-9]+)'))
)

SELECT * FROM final
ORDER BY relation, column_name, value;
