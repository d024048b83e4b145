-- notebooks-sql/checks/check_district_daily_key_unique.sql
-- Passes when it returns no rows: one row per session date, district and age group.
-- Reads: district_age_group_daily.
SELECT
    session_date,
    district_id,
    age_group,
    count(*) AS rows_count
FROM district_age_group_daily
GROUP BY session_date, district_id, age_group
HAVING count(*) > 1;
