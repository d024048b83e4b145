-- notebooks-sql/macros/report_range.sql
-- Grain: no rows; scalar macros, the one definition of the report's date range.
-- The range is the pair of variables report_from and report_to (DATE; either may be unset, NULL,
-- for no bound): `vaxslots report --from/--to` sets them, and in a DuckDB shell
--   SET VARIABLE report_from = DATE 'YYYY-MM-DD'; SET VARIABLE report_to = DATE 'YYYY-MM-DD';
-- Every layer after this one filters a day by in_report_range(day), or a window of days by
-- overlaps_report_range(first_day, last_day); none reads the variables itself.
CREATE OR REPLACE MACRO report_from_date() AS
    coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01');

CREATE OR REPLACE MACRO report_to_date() AS
    coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31');

CREATE OR REPLACE MACRO in_report_range(range_day) AS
    range_day BETWEEN report_from_date() AND report_to_date();

CREATE OR REPLACE MACRO overlaps_report_range(range_first_day, range_last_day) AS
    range_last_day >= report_from_date() AND range_first_day <= report_to_date();

CREATE OR REPLACE MACRO report_range_unset() AS
    getvariable('report_from') IS NULL AND getvariable('report_to') IS NULL;
