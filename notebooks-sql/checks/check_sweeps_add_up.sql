-- notebooks-sql/checks/check_sweeps_add_up.sql
-- Passes when it returns no rows: for every district row, sweeps with data plus sweeps without data
-- equals the sweeps that covered the district and date, counted here again from the ledger; and
-- no more sweeps showed open slots than had data.
-- Reads: district_age_group_daily, int_district_sweeps_covered.
WITH districts AS (
    SELECT * FROM district_age_group_daily
),

district_sweeps AS (
    SELECT * FROM int_district_sweeps_covered
),

sweeps_in_range AS (
    SELECT
        districts.session_date,
        districts.district_id,
        districts.age_group,
        count(DISTINCT district_sweeps.sweep_id) AS sweeps_count
    FROM districts
    LEFT JOIN district_sweeps
        ON district_sweeps.district_id = districts.district_id
        AND districts.session_date BETWEEN district_sweeps.window_start_date AND district_sweeps.window_end_date
    GROUP BY districts.session_date, districts.district_id, districts.age_group
),

final AS (
    SELECT
        districts.session_date,
        districts.district_id,
        districts.age_group,
        districts.sweeps_with_data,
        districts.sweeps_without_data,
        sweeps_in_range.sweeps_count
    FROM districts
    INNER JOIN sweeps_in_range
        ON sweeps_in_range.session_date = districts.session_date
        AND sweeps_in_range.district_id = districts.district_id
        AND sweeps_in_range.age_group = districts.age_group
    WHERE districts.sweeps_with_data + districts.sweeps_without_data <> sweeps_in_range.sweeps_count
        OR districts.sweeps_with_open_slots > districts.sweeps_with_data
)

SELECT * FROM final;
