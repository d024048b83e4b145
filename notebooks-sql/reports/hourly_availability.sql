-- notebooks-sql/reports/hourly_availability.sql
-- Publishes hourly_availability.csv (data-schema/reports/hourly_availability.md).
-- Grain: one row per as_of hour (India time), Co-WIN district and age group.
-- Reads: district_age_group_hourly. Column names and order are a contract: add, never rename.
SELECT
    as_of_date_ist,
    as_of_hour_ist,
    state_name,
    district_name,
    district_id,
    age_group,
    open_capacity,
    centers_with_open_slots,
    sessions_open,
    strftime(sweep_as_of_at, '%Y-%m-%dT%H:%M:%SZ') AS sweep_as_of_at,
    sweep_id
FROM district_age_group_hourly
ORDER BY as_of_date_ist, as_of_hour_ist, state_name, district_name, district_id, age_group;
