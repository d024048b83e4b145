-- notebooks-sql/macros/ist.sql
-- Grain: no rows; scalar macros, the one definition of India Standard Time.
-- Instants are UTC TIMESTAMPs (`<event>_at`); days and hours a reader sees are India's (`_date`,
-- `_ist`). IST has been a fixed UTC+05:30 since 1945, with no daylight saving, so a fixed offset of
-- 330 minutes is exact for every instant the source can hold.
CREATE OR REPLACE MACRO ist(utc_at) AS
    utc_at + INTERVAL 330 MINUTE;

CREATE OR REPLACE MACRO ist_date(utc_at) AS
    CAST(ist(utc_at) AS DATE);
