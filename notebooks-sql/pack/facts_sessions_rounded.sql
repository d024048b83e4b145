-- notebooks-sql/pack/facts_sessions_rounded.sql
-- Grain: one row: session observations in the report range (and distinct sessions) whose capacity
-- was sent with a fraction or below zero and was floored.
-- Reads: stg_sessions.
SELECT
    CAST(count(*) AS VARCHAR) AS observations,
    CAST(count(DISTINCT session_id) AS VARCHAR) AS sessions
FROM stg_sessions
WHERE is_capacity_rounded
    AND in_report_range(session_date);
