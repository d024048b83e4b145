-- notebooks-sql/pack/page_busiest_day.sql
-- Grain: one row, the busiest session day of the report range (the most sessions listed; ties go
-- to the earlier day), or no row when no session was listed.
-- Reads: district_age_group_daily. A district "showed no slots" that day when it was read by at
-- least one sweep (sweeps_with_data > 0) and no session of any age group was ever seen with an
-- open slot (peak_open_capacity 0 summed over its age groups). Districts never read that day are
-- counted apart: no data, not "no slots".
WITH daily AS (
    SELECT * FROM district_age_group_daily
),

per_day AS (
    SELECT
        session_date,
        sum(sessions_listed) AS sessions_listed
    FROM daily
    GROUP BY session_date
    HAVING sum(sessions_listed) > 0
),

busiest AS (
    SELECT session_date, sessions_listed FROM per_day
    ORDER BY sessions_listed DESC, session_date
    LIMIT 1
),

districts AS (
    SELECT
        daily.district_id,
        max(daily.sweeps_with_data) > 0 AS is_read,
        sum(daily.peak_open_capacity) AS peak_open_capacity
    FROM daily
    INNER JOIN busiest ON busiest.session_date = daily.session_date
    GROUP BY daily.district_id
),

final AS (
    SELECT
        busiest.session_date,
        busiest.sessions_listed,
        (SELECT count(*) FILTER (WHERE is_read) FROM districts) AS districts_read,
        (SELECT count(*) FILTER (WHERE is_read AND peak_open_capacity = 0) FROM districts) AS districts_without_open_slots,
        (SELECT count(*) FILTER (WHERE NOT is_read) FROM districts) AS districts_without_data
    FROM busiest
)

SELECT * FROM final;
