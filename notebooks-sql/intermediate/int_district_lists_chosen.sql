-- notebooks-sql/intermediate/int_district_lists_chosen.sql
-- Grain: one row per sweep that fetched a district by id and district of that sweep's district list
-- of the day.
-- Reads: int_district_fetches_classified, stg_listed_districts, stg_ref_cowin_districts.
-- A sweep with districts answers is measured against its own list: the union of the districts those
-- answers listed (district_list 'sweep'), so a sweep of one state is measured against that state's
-- districts of that day. A sweep without them (an import of calendar answers only) is measured
-- against the bundled list of 14 May 2021 (district_list 'cowin_districts_2021-05-14'), the only
-- list bundled and so the nearest in time for every sweep. state_id is the state the districts
-- answer was asked for (the smallest, should two answers of a sweep disagree; null if not asked).
CREATE OR REPLACE TABLE int_district_lists_chosen AS
WITH district_fetches AS (
    SELECT * FROM int_district_fetches_classified
),

listed_districts AS (
    SELECT * FROM stg_listed_districts
),

bundled_list AS (
    SELECT * FROM stg_ref_cowin_districts
),

attempted_sweeps AS (
    SELECT DISTINCT sweep_id
    FROM district_fetches
),

own_lists AS (
    SELECT
        listed_districts.sweep_id,
        'sweep' AS district_list,
        listed_districts.district_id,
        min(listed_districts.state_id) AS state_id
    FROM listed_districts
    INNER JOIN attempted_sweeps
        ON attempted_sweeps.sweep_id = listed_districts.sweep_id
    GROUP BY listed_districts.sweep_id, listed_districts.district_id
),

bundled_lists AS (
    SELECT
        attempted_sweeps.sweep_id,
        'cowin_districts_2021-05-14' AS district_list,
        bundled_list.district_id,
        min(bundled_list.state_id) AS state_id
    FROM attempted_sweeps
    CROSS JOIN bundled_list
    WHERE attempted_sweeps.sweep_id NOT IN (SELECT sweep_id FROM own_lists)
    GROUP BY attempted_sweeps.sweep_id, bundled_list.district_id
),

final AS (
    SELECT * FROM own_lists
    UNION ALL
    SELECT * FROM bundled_lists
)

SELECT * FROM final;
