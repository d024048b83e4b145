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
WHERE in_report_range(session_date)
GROUP BY session_date, session_id, run_number
HAVING count(*) > 1;
