-- notebooks-sql/explore/00_coverage_by_district.sql
-- Grain: one row per state, district and age group, over all sweeps in the tables.
-- Reads: stg_sessions, stg_fetches (staging views). A first look, printed by `vaxslots demo`;
-- the published metrics are built in marts/ (DESIGN.md, Metrics).
WITH sessions AS (
    SELECT * FROM stg_sessions
),

fetches AS (
    SELECT * FROM stg_fetches
),

by_district AS (
    SELECT
        state_name,
        trim(district_name) AS district_name,
        age_group,
        min(session_date) AS first_session_date,
        max(session_date) AS last_session_date,
        count(DISTINCT center_id) AS centers_listed,
        count(DISTINCT center_id) FILTER (WHERE available_capacity > 0) AS centers_with_open_slots,
        count(*) AS sessions_listed,
        sum(available_capacity) AS open_capacity,
        sum(available_capacity_dose1) AS open_capacity_dose1
    FROM sessions
    GROUP BY state_name, trim(district_name), age_group
),

final AS (
    SELECT *
    FROM by_district
    ORDER BY state_name, district_name, age_group
)

SELECT * FROM final;
