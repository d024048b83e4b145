-- notebooks-sql/checks/check_sessions_deduplicated_key_unique.sql
-- Passes when it returns no rows: one observation per sweep and session after deduplication.
-- Reads: int_sessions_deduplicated.
SELECT
    sweep_id,
    session_id,
    count(*) AS rows_count
FROM int_sessions_deduplicated
GROUP BY sweep_id, session_id
HAVING count(*) > 1;
