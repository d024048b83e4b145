-- notebooks-sql/pack/page_age_groups.sql
-- Grain: one row per age group with at least one district row in the report range ("for whom":
-- the pack page compares the groups).
-- Reads: district_age_group_daily. Only district-days read by at least one sweep
-- (sweeps_with_data > 0) count: a day with no data is not a day without slots. The per-capita
-- median is over districts, of each district's mean daily open_capacity_per_100k (summed in
-- DECIMAL and rounded to 2 places first, so the result never depends on summation order).
WITH daily AS (
    SELECT * FROM district_age_group_daily
    WHERE sweeps_with_data > 0
),

per_district AS (
    SELECT
        age_group,
        district_id,
        CAST(sum(CAST(open_capacity_per_100k AS DECIMAL(38, 6))) / count(open_capacity_per_100k) AS DECIMAL(18, 2))
            AS open_capacity_per_100k
    FROM daily
    GROUP BY age_group, district_id
),

per_capita AS (
    SELECT
        age_group,
        count(open_capacity_per_100k) AS districts_with_per_100k,
        median(open_capacity_per_100k) AS median_open_capacity_per_100k
    FROM per_district
    GROUP BY age_group
),

days AS (
    SELECT
        age_group,
        count(DISTINCT district_id) AS districts_count,
        count(*) AS district_days_count,
        count(*) FILTER (WHERE peak_open_capacity = 0) AS district_days_without_open_slots,
        sum(peak_open_capacity) AS peak_open_capacity
    FROM daily
    GROUP BY age_group
),

final AS (
    SELECT
        days.age_group,
        days.districts_count,
        days.district_days_count,
        days.district_days_without_open_slots,
        days.peak_open_capacity,
        per_capita.districts_with_per_100k,
        CAST(per_capita.median_open_capacity_per_100k AS DECIMAL(18, 2)) AS median_open_capacity_per_100k
    FROM days
    INNER JOIN per_capita ON per_capita.age_group = days.age_group
)

SELECT * FROM final
ORDER BY age_group;
