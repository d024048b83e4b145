-- notebooks-sql/checks/check_shares_within_bounds.sql
-- Passes when it returns no rows: every _pct is within 0-100 and time-to-book bounds are ordered.
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
    WHERE open_share_pct NOT BETWEEN 0 AND 100
        OR booked_out_share_pct NOT BETWEEN 0 AND 100
        OR dose1_capacity_share_pct NOT BETWEEN 0 AND 100
        OR free_capacity_share_pct NOT BETWEEN 0 AND 100
        OR time_to_book_min_lower_median < 0
        OR time_to_book_min_lower_median > time_to_book_min_upper_median
),

bad_states AS (
    SELECT
        'state_age_group_daily' AS relation,
        CAST(session_date AS VARCHAR) || ' ' || state_name || ' ' || age_group AS row_key
    FROM states
    WHERE open_share_pct_population_weighted NOT BETWEEN 0 AND 100
        OR booked_out_share_pct NOT BETWEEN 0 AND 100
        OR dose1_capacity_share_pct NOT BETWEEN 0 AND 100
        OR free_capacity_share_pct NOT BETWEEN 0 AND 100
),

final AS (
    SELECT * FROM bad_districts
    UNION ALL
    SELECT * FROM bad_states
)

SELECT * FROM final;
