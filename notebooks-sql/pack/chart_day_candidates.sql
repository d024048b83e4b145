-- notebooks-sql/pack/chart_day_candidates.sql
-- Grain: one row per session date of district_age_group_daily, best candidate first for the day
-- the per-capita chart shows (report picks the first row unless --chart-date names another).
-- Reads: district_age_group_daily. The best day has the most districts read (a district row with at
-- least one sweep with data); ties go to the most districts that listed a session, then the most
-- district sweeps with data, then the earlier date. The last date of a 7-day calendar is the
-- sparsest, so it is never the default just for being last.
SELECT
    CAST(session_date AS VARCHAR) AS session_date,
    count(DISTINCT district_id) FILTER (WHERE sweeps_with_data > 0) AS districts_read
FROM district_age_group_daily
GROUP BY session_date
ORDER BY
    count(DISTINCT district_id) FILTER (WHERE sweeps_with_data > 0) DESC,
    count(DISTINCT district_id) FILTER (WHERE sessions_listed > 0) DESC,
    sum(sweeps_with_data) DESC,
    session_date;
