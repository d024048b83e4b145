-- notebooks-sql/pack/page_scarcest_districts.sql
-- Grain: one row per age group and Co-WIN district among the five districts of that age group
-- with the fewest open slots per 100,000 residents (the pack page's first finding).
-- Reads: district_age_group_daily. A district's figure is the mean of its daily
-- open_capacity_per_100k over the session days that have one (a day of zeros counts, a day with
-- an empty per-capita cell does not: its capacity or population is unknown). Ties go to the
-- lower district_id, so the same tables always name the same districts: the mean is summed in
-- DECIMAL and rounded to what the page prints before ranking, so no floating-point summation order
-- can reorder two districts with the same figure (units of one census district share it).
WITH daily AS (
    SELECT * FROM district_age_group_daily
    WHERE open_capacity_per_100k IS NOT NULL
),

per_district AS (
    SELECT
        age_group,
        district_id,
        max(state_name) AS state_name,
        max(district_name) AS district_name,
        count(*) AS days_count,
        sum(peak_open_capacity) AS peak_open_capacity,
        CAST(sum(CAST(open_capacity_per_100k AS DECIMAL(38, 6))) / count(*) AS DECIMAL(18, 2)) AS open_capacity_per_100k
    FROM daily
    GROUP BY age_group, district_id
),

ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY age_group ORDER BY open_capacity_per_100k, district_id) AS district_rank
    FROM per_district
),

final AS (
    SELECT
        age_group,
        district_rank,
        state_name,
        district_name,
        district_id,
        days_count,
        peak_open_capacity,
        open_capacity_per_100k
    FROM ranked
    WHERE district_rank <= 5
)

SELECT * FROM final
ORDER BY age_group, district_rank;
