-- notebooks-sql/pack/facts_district_lists_used.sql
-- Grain: one row: how many sweeps were measured against their own districts answers, and how many
-- against the bundled district list.
-- Reads: int_district_lists_chosen.
WITH lists AS (
    SELECT DISTINCT
        sweep_id,
        district_list
    FROM int_district_lists_chosen
)

SELECT
    CAST(count(*) FILTER (WHERE district_list = 'sweep') AS VARCHAR) AS sweeps_own_list,
    CAST(count(*) FILTER (WHERE district_list <> 'sweep') AS VARCHAR) AS sweeps_bundled_list
FROM lists;
