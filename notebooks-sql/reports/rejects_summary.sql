-- notebooks-sql/reports/rejects_summary.sql
-- Publishes rejects_summary.csv (data-schema/reports/rejects_summary.md).
-- Grain: one row per sweep and reject reason_code with at least one reject.
-- Reads: sweep_reject_reasons. Column names and order are a contract: add, never rename.
SELECT
    sweep_id,
    reason_code,
    responses,
    records
FROM sweep_reject_reasons
ORDER BY sweep_id, reason_code;
