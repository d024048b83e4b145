-- notebooks-sql/pack/chart_open_slots_by_hour.sql
-- Grain: one row per district and hour of day (IST) with data, for the 25 districts with the most
-- open slots over the range: what the heat map draws.
-- Reads: district_age_group_hourly. open_capacity is the mean, over the days with data at that
-- hour, of the open slots of every age group together.
WITH per_hour AS (
    SELECT
        district_id,
        district_name,
        state_name,
        as_of_date_ist,
        as_of_hour_ist,
        sum(open_capacity) AS open_capacity
    FROM district_age_group_hourly
    GROUP BY district_id, district_name, state_name, as_of_date_ist, as_of_hour_ist
),

ranked AS (
    SELECT
        district_id,
        sum(open_capacity) AS total
    FROM per_hour
    GROUP BY district_id
    ORDER BY total DESC, district_id
    LIMIT 25
)

SELECT
    coalesce(per_hour.district_name, 'district ' || per_hour.district_id) || ', '
        || coalesce(per_hour.state_name, 'state unknown') AS district_label,
    per_hour.as_of_hour_ist,
    avg(per_hour.open_capacity) AS mean_open_capacity
FROM per_hour
INNER JOIN ranked
    ON ranked.district_id = per_hour.district_id
GROUP BY ranked.total, per_hour.district_id, per_hour.district_name, per_hour.state_name, per_hour.as_of_hour_ist
ORDER BY ranked.total DESC, per_hour.district_id, per_hour.as_of_hour_ist;
