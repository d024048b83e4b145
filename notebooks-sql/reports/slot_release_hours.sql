-- notebooks-sql/reports/slot_release_hours.sql
-- Publishes slot_release_hours.csv (data-schema/reports/slot_release_hours.md).
-- Grain: one row per hour of day (India time), Co-WIN district and age group with a release seen.
-- Reads: district_age_group_release_hours. Column names and order are a contract: add, never rename.
SELECT
    release_hour_ist,
    state_name,
    district_name,
    district_id,
    age_group,
    capacity_released,
    release_events,
    sessions_with_release
FROM district_age_group_release_hours
ORDER BY release_hour_ist, state_name, district_name, district_id, age_group;
