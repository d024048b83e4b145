-- notebooks-sql/checks/check_session_history_key_unique.sql
-- Passes when it returns no rows: one run per session, session date and run number in the
-- change-only history (the compaction deduplicated to one observation per sweep and session).
-- Reads: stg_session_history, in the report range.
SELECT
    session_date,
    session_id,
    run_number,
    count(*) AS rows_count
FROM stg_session_history
WHERE session_date BETWEEN coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01')
    AND coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31')
GROUP BY session_date, session_id, run_number
HAVING count(*) > 1;
