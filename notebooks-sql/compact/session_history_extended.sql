-- notebooks-sql/compact/session_history_extended.sql
-- Grain: one row per session, session date and run, for the runs one new sweep touches: the open
-- runs (the last run of each session) of the session dates it lists, extended or closed by its
-- observations, and the runs it starts. The same rows session_history.sql gives from all sweeps,
-- as long as the sweep comes after the open run of every session it saw (in as_of_at, sweep_id
-- order); `vaxslots compact` checks that first and rebuilds the dates from scratch otherwise.
-- Reads: compact_observations (the new sweep alone), history_open (the open runs of its dates,
-- tables/session_history/open/).
WITH observations AS (
    SELECT * FROM compact_observations
),

open_runs AS (
    SELECT * FROM history_open
),

compared AS (
    SELECT
        o.*,
        r.run_number AS open_run_number,
        r.available_capacity AS open_capacity,
        r.session_id IS NOT NULL
            AND o.center_id IS NOT DISTINCT FROM r.center_id
            AND o.state_name IS NOT DISTINCT FROM r.state_name
            AND o.district_name IS NOT DISTINCT FROM r.district_name
            AND o.district_id IS NOT DISTINCT FROM r.district_id
            AND o.age_group IS NOT DISTINCT FROM r.age_group
            AND o.vaccine IS NOT DISTINCT FROM r.vaccine
            AND o.fee_type IS NOT DISTINCT FROM r.fee_type
            AND o.available_capacity IS NOT DISTINCT FROM r.available_capacity
            AND o.available_capacity_dose1 IS NOT DISTINCT FROM r.available_capacity_dose1
            AND o.available_capacity_dose2 IS NOT DISTINCT FROM r.available_capacity_dose2 AS is_same
    FROM observations AS o
    LEFT JOIN open_runs AS r
        ON o.session_date = r.session_date AND o.session_id = r.session_id
),

untouched AS (
    SELECT r.*
    FROM open_runs AS r
    ANTI JOIN observations AS o
        ON o.session_date = r.session_date AND o.session_id = r.session_id
),

extended AS (
    SELECT r.* REPLACE (
        c.sweep_id AS valid_to_sweep_id,
        c.as_of_at AS valid_to_at,
        r.observations_count + 1 AS observations_count
    )
    FROM open_runs AS r
    INNER JOIN compared AS c
        ON c.session_date = r.session_date AND c.session_id = r.session_id
    WHERE c.is_same
),

closed AS (
    SELECT r.* REPLACE (c.sweep_id AS closed_by_sweep_id)
    FROM open_runs AS r
    INNER JOIN compared AS c
        ON c.session_date = r.session_date AND c.session_id = r.session_id
    WHERE NOT c.is_same
),

started AS (
    SELECT
        session_date,
        session_id,
        coalesce(open_run_number, 0) + 1 AS run_number,
        center_id,
        state_name,
        district_name,
        district_id,
        age_group,
        vaccine,
        fee_type,
        available_capacity,
        available_capacity_dose1,
        available_capacity_dose2,
        open_capacity AS previous_capacity,
        sweep_id AS valid_from_sweep_id,
        sweep_id AS valid_to_sweep_id,
        as_of_at AS valid_from_at,
        as_of_at AS valid_to_at,
        1 AS observations_count,
        CAST(NULL AS VARCHAR) AS closed_by_sweep_id
    FROM compared
    WHERE NOT is_same
),

final AS (
    SELECT * FROM untouched
    UNION ALL BY NAME
    SELECT * FROM extended
    UNION ALL BY NAME
    SELECT * FROM closed
    UNION ALL BY NAME
    SELECT * FROM started
)

SELECT * FROM final
