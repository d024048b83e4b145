-- notebooks-sql/pack/chart_per_capita_bars.sql
-- Grain: one row per district with a per-capita figure on the chart's day, highest first: what the
-- per-capita chart draws (all age groups summed).
-- Reads: district_age_group_daily; the day is the variable chart_date (report sets it to the
-- first row of chart_day_candidates, or --chart-date; in a DuckDB shell
--   SET VARIABLE chart_date = DATE 'YYYY-MM-DD';).
SELECT
    coalesce(district_name, 'district ' || district_id) || ', ' || coalesce(state_name, 'state unknown') AS district_label,
    -- Summed as DECIMAL: exact, so the same in any order DuckDB's threads add them (a DOUBLE sum can
    -- differ in its last bit from run to run, and the SVG would with it).
    CAST(sum(CAST(open_capacity_per_100k AS DECIMAL(18, 2))) AS DOUBLE) AS open_capacity_per_100k
FROM district_age_group_daily
WHERE session_date = CAST(getvariable('chart_date') AS DATE)
    AND open_capacity_per_100k IS NOT NULL
GROUP BY session_date, district_name, state_name, district_id
ORDER BY open_capacity_per_100k DESC, district_name, district_id;
