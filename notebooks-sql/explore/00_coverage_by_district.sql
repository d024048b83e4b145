-- notebooks-sql/explore/00_coverage_by_district.sql
-- Grain: one row per session date, state, district and age group.
-- Reads: stg_sessions, stg_fetches (staging views). A first look, printed by `vaxslots demo`;
-- the published metrics are built in marts/ (DESIGN.md, Metrics).
WITH sessions AS (
    SELECT * FROM stg_sessions
),

fetches AS (
    SELECT * FROM stg_fetches
),

sweeps_ok AS (
    SELECT
        district_id,
        count(DISTINCT sweep_id) AS sweeps_with_data
    FROM fetches
    WHERE outcome IN ('ok', 'empty') AND district_id IS NOT NULL
    GROUP BY district_id
),

per_session AS (
    SELECT
        session_date,
        state_name,
        trim(district_name) AS district_name,
        district_id,
        age_group,
        session_id,
        center_id,
        max(available_capacity) AS peak_capacity
    FROM sessions
    GROUP BY session_date, state_name, trim(district_name), district_id, age_group, session_id, center_id
),

open_sweeps AS (
    SELECT
        session_date,
        district_id,
        age_group,
        count(DISTINCT sweep_id) AS sweeps_with_open_slots
    FROM sessions
    WHERE available_capacity > 0
    GROUP BY session_date, district_id, age_group
),

by_district AS (
    SELECT
        p.session_date,
        p.state_name,
        p.district_name,
        p.age_group,
        count(DISTINCT p.center_id) AS centers_listed,
        count(*) AS sessions_listed,
        sum(p.peak_capacity) AS peak_open_capacity,
        any_value(o.sweeps_with_open_slots) AS sweeps_with_open_slots,
        any_value(s.sweeps_with_data) AS sweeps_with_data
    FROM per_session AS p
    LEFT JOIN open_sweeps AS o
        ON o.session_date = p.session_date AND o.district_id = p.district_id AND o.age_group = p.age_group
    LEFT JOIN sweeps_ok AS s
        ON s.district_id = p.district_id
    GROUP BY p.session_date, p.state_name, p.district_name, p.age_group
),

final AS (
    SELECT *
    FROM by_district
    ORDER BY session_date, state_name, district_name, age_group
)

SELECT * FROM final;
