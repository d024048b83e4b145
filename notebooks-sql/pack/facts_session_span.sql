-- notebooks-sql/pack/facts_session_span.sql
-- Grain: one row: the first and last session date that listed a session, and how many districts
-- listed one (the README's period).
-- Reads: district_age_group_daily.
SELECT
    CAST(min(session_date) AS VARCHAR) AS first_session_date,
    CAST(max(session_date) AS VARCHAR) AS last_session_date,
    CAST(count(DISTINCT district_id) AS VARCHAR) AS districts
FROM district_age_group_daily
WHERE sessions_listed > 0;
