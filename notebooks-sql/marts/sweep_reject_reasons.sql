-- notebooks-sql/marts/sweep_reject_reasons.sql
-- Grain: one row per sweep of the pack and reject reason_code with at least one reject.
-- Reads: stg_rejects, sweep_crawl_coverage (the pack's sweeps). What the pack could not read: a
-- response is a reject of the whole body (record_path '$': not JSON, an HTML page, a damaged WARC
-- record, ...); a record is a reject of one part of a response (a center, a session). Without a
-- report range every sweep with rejects is counted, also one that left nothing else to report
-- (every response rejected); with a range, the sweeps the pack lists. No snippet is read.
CREATE OR REPLACE TABLE sweep_reject_reasons AS
WITH rejects AS (
    SELECT * FROM stg_rejects
),

pack_sweeps AS (
    SELECT sweep_id FROM sweep_crawl_coverage
),

counted AS (
    SELECT *
    FROM rejects
    WHERE sweep_id IN (SELECT sweep_id FROM pack_sweeps)
        OR report_range_unset()
),

final AS (
    SELECT
        sweep_id,
        reason_code,
        count(*) FILTER (WHERE record_path = '$') AS responses,
        count(*) FILTER (WHERE record_path <> '$') AS records
    FROM counted
    GROUP BY sweep_id, reason_code
)

SELECT * FROM final;
