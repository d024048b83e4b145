-- notebooks-sql/compact/session_history.sql
-- Grain: one row per session, session date and run. A run is a stretch of consecutive observations
-- of one session (compact_observations: one per sweep; in as_of order) with
-- the same capacities and the same listing (center, names, district, age group, vaccine, fee type):
-- a new row only when one of them changes. Columns in data-schema/tables/session_history.avsc.
-- Reads: compact_observations (stg_sessions deduplicated, for the session dates being rebuilt).
-- Each date stands alone: runs never span two session dates, so a date is rebuilt without the others.
-- This is the from-scratch build, for session dates a sweep changed, left or reached out of order;
-- session_history_extended.sql adds a sweep in order to the open runs alone, to the same rows.
-- Written by `vaxslots compact` (and by `vaxslots report`, before it reads): a run closed by a later
-- sweep to tables/session_history/closed/closed_by_sweep_id=<sweep>/part-00000.parquet (written
-- once), the last run of each session to tables/session_history/open/session_date=<date>/; each file
-- sorted by session_date, district_id NULLS LAST, center_id, session_id, run_number.
WITH deduplicated AS (
    SELECT * FROM compact_observations
),

marked AS (
    SELECT
        *,
        lag(struct_pack(
            center_id, state_name, district_name, district_id, age_group, vaccine, fee_type,
            available_capacity, available_capacity_dose1, available_capacity_dose2
        )) OVER session_order IS DISTINCT FROM struct_pack(
            center_id, state_name, district_name, district_id, age_group, vaccine, fee_type,
            available_capacity, available_capacity_dose1, available_capacity_dose2
        ) AS is_change
    FROM deduplicated
    WINDOW session_order AS (PARTITION BY session_id, session_date ORDER BY as_of_at, sweep_id)
),

numbered AS (
    SELECT
        *,
        CAST(sum(CAST(is_change AS INTEGER)) OVER (
            PARTITION BY session_id, session_date
            ORDER BY as_of_at, sweep_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS INTEGER) AS run_number
    FROM marked
),

runs AS (
    SELECT
        session_date,
        session_id,
        run_number,
        any_value(center_id) AS center_id,
        any_value(state_name) AS state_name,
        any_value(district_name) AS district_name,
        any_value(district_id) AS district_id,
        any_value(age_group) AS age_group,
        any_value(vaccine) AS vaccine,
        any_value(fee_type) AS fee_type,
        any_value(available_capacity) AS available_capacity,
        any_value(available_capacity_dose1) AS available_capacity_dose1,
        any_value(available_capacity_dose2) AS available_capacity_dose2,
        arg_min(sweep_id, struct_pack(as_of_at, sweep_id)) AS valid_from_sweep_id,
        arg_max(sweep_id, struct_pack(as_of_at, sweep_id)) AS valid_to_sweep_id,
        min(as_of_at) AS valid_from_at,
        max(as_of_at) AS valid_to_at,
        CAST(count(*) AS INTEGER) AS observations_count
    FROM numbered
    GROUP BY session_date, session_id, run_number
),

final AS (
    SELECT
        session_date,
        session_id,
        run_number,
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
        lag(available_capacity) OVER (PARTITION BY session_id, session_date ORDER BY run_number) AS previous_capacity,
        valid_from_sweep_id,
        valid_to_sweep_id,
        valid_from_at,
        valid_to_at,
        observations_count,
        lead(valid_from_sweep_id) OVER (PARTITION BY session_id, session_date ORDER BY run_number) AS closed_by_sweep_id
    FROM runs
)

SELECT * FROM final
