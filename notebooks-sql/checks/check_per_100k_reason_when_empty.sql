-- notebooks-sql/checks/check_per_100k_reason_when_empty.sql
-- Passes when it returns no rows: every empty open_capacity_per_100k has a per_100k_missing_reason
-- from the documented list, and a filled one has none, in the district and state marts.
-- Reads: district_age_group_daily, state_age_group_daily.
WITH districts AS (
    SELECT * FROM district_age_group_daily
),

states AS (
    SELECT * FROM state_age_group_daily
),

bad_districts AS (
    SELECT
        'district_age_group_daily' AS relation,
        CAST(session_date AS VARCHAR) || ' ' || CAST(district_id AS VARCHAR) || ' ' || age_group AS row_key
    FROM districts
    WHERE (open_capacity_per_100k IS NULL) <> (per_100k_missing_reason IS NOT NULL)
        OR per_100k_missing_reason NOT IN ('not_in_crosswalk', 'no_population', 'unit_without_data')
),

bad_states AS (
    SELECT
        'state_age_group_daily' AS relation,
        CAST(session_date AS VARCHAR) || ' ' || state_name || ' ' || age_group AS row_key
    FROM states
    WHERE (open_capacity_per_100k IS NULL) <> (per_100k_missing_reason IS NOT NULL)
        OR per_100k_missing_reason NOT IN ('not_in_crosswalk', 'no_population', 'unit_without_data')
),

final AS (
    SELECT * FROM bad_districts
    UNION ALL
    SELECT * FROM bad_states
)

SELECT * FROM final;
