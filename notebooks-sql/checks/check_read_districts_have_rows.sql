-- notebooks-sql/checks/check_read_districts_have_rows.sql
-- Passes when it returns no rows: every district a district fetch read (ok or empty) has, for each
-- session date of its request window in the report range, a row for each standard age group of
-- that date ("no slots" is a row of zeros, never a missing row), and a row with nothing listed
-- has zero capacity and an open share of 0.
-- Reads: int_district_fetches_classified, stg_age_groups, district_age_group_daily.
WITH district_reads AS (
    SELECT * FROM int_district_fetches_classified
    WHERE has_data
),

standard_age_groups AS (
    SELECT * FROM stg_age_groups
    WHERE is_standard_rule
),

districts AS (
    SELECT * FROM district_age_group_daily
),

expected AS (
    SELECT DISTINCT
        district_reads.district_id,
        CAST(day AS DATE) AS session_date,
        standard_age_groups.age_group
    FROM district_reads,
        generate_series(CAST(district_reads.window_start_date AS TIMESTAMP), CAST(district_reads.window_end_date AS TIMESTAMP),
            INTERVAL 1 DAY) AS days(day)
    INNER JOIN standard_age_groups
        ON CAST(day AS DATE) BETWEEN standard_age_groups.standard_from_date AND standard_age_groups.standard_to_date
    WHERE in_report_range(CAST(day AS DATE))
),

missing_rows AS (
    SELECT
        'district read but no row' AS problem,
        CAST(expected.session_date AS VARCHAR) || ' ' || CAST(expected.district_id AS VARCHAR) || ' ' || expected.age_group AS row_key
    FROM expected
    LEFT JOIN districts
        ON districts.session_date = expected.session_date
        AND districts.district_id = expected.district_id
        AND districts.age_group = expected.age_group
    WHERE districts.district_id IS NULL
),

bad_zero_rows AS (
    SELECT
        'nothing listed but not zero' AS problem,
        CAST(session_date AS VARCHAR) || ' ' || CAST(district_id AS VARCHAR) || ' ' || age_group AS row_key
    FROM districts
    WHERE sessions_listed = 0
        AND (peak_open_capacity <> 0 OR centers_listed <> 0 OR coalesce(open_share_pct, 0) <> 0
            OR booked_out_share_pct IS NOT NULL OR time_to_book_min_lower_median IS NOT NULL)
),

final AS (
    SELECT * FROM missing_rows
    UNION ALL
    SELECT * FROM bad_zero_rows
)

SELECT * FROM final;
