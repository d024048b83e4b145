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

coded_values AS (
    SELECT 'fetches' AS relation, 'outcome' AS column_name, outcome AS value, count(*) AS rows_count
    FROM stg_fetches GROUP BY outcome
    UNION ALL
    SELECT 'fetches' AS relation, 'as_of_source' AS column_name, as_of_source AS value, count(*) AS rows_count
    FROM stg_fetches GROUP BY as_of_source
    UNION ALL
    SELECT 'fetches' AS relation, 'endpoint' AS column_name, endpoint AS value, count(*) AS rows_count
    FROM stg_fetches GROUP BY endpoint
    UNION ALL
    SELECT 'centers' AS relation, 'endpoint' AS column_name, endpoint AS value, count(*) AS rows_count
    FROM stg_centers GROUP BY endpoint
    UNION ALL
    SELECT 'sessions' AS relation, 'endpoint' AS column_name, endpoint AS value, count(*) AS rows_count
    FROM sessions GROUP BY endpoint
    UNION ALL
    SELECT 'sessions' AS relation, 'age_group' AS column_name, age_group AS value, count(*) AS rows_count
    FROM sessions GROUP BY age_group
    UNION ALL
    SELECT 'rejects' AS relation, 'endpoint' AS column_name, endpoint AS value, count(*) AS rows_count
    FROM stg_rejects GROUP BY endpoint
    UNION ALL
    SELECT 'rejects' AS relation, 'reason_code' AS column_name, reason_code AS value, count(*) AS rows_count
    FROM stg_rejects GROUP BY reason_code
    UNION ALL
    SELECT 'schema_events' AS relation, 'endpoint' AS column_name, endpoint AS value, count(*) AS rows_count
    FROM stg_schema_events GROUP BY endpoint
    UNION ALL
    SELECT 'schema_events' AS relation, 'event' AS column_name, event AS value, count(*) AS rows_count
    FROM stg_schema_events GROUP BY event
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
