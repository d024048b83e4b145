-- notebooks-sql/pack/facts_reject_counts.sql
-- Grain: one row per sweep of the pack and reject reason_code: the README's and the manifest's
-- rejects (whole responses and parts of responses).
-- Reads: sweep_reject_reasons.
SELECT
    sweep_id,
    reason_code,
    responses,
    records
FROM sweep_reject_reasons
ORDER BY sweep_id, reason_code;
