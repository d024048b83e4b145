-- notebooks-sql/checks/check_session_history_key_unique.sql
-- Passes when it returns no rows: one run per session, session date and run number, and runs of a
-- session never overlap in time (the history was deduplicated to one observation per sweep).
-- Reads: stg_session_history, in the report range.
WITH runs AS (
    SELECT * FROM stg_session_history
    WHERE session_date BETWEEN coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01')
        AND coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31')
),

duplicate_keys AS (
    SELECT
        session_id,
        session_date,
        run_number,
        count(*) AS rows_count
    FROM runs
    GROUP BY session_id, session_date, run_number
    HAVING count(*) > 1
),

overlapping AS (
    SELECT
        session_id,
        session_date,
        run_number,
        1 AS rows_count
    FROM (
        SELECT
            *,
            lag(valid_to_at) OVER (PARTITION BY session_id, session_date ORDER BY run_number) AS previous_valid_to_at
        FROM runs
    ) AS with_previous
    WHERE valid_from_at < previous_valid_to_at
),

final AS (
    SELECT * FROM duplicate_keys
    UNION ALL
    SELECT * FROM overlapping
)

SELECT * FROM final;
