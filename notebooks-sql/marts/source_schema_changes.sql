-- notebooks-sql/marts/source_schema_changes.sql
-- Grain: one row per endpoint, field path, event and detail that the source showed, over every
-- sweep up to the end of the report range.
-- Reads: stg_schema_events (one row per sweep, endpoint, path, event and detail).
CREATE OR REPLACE TABLE source_schema_changes AS
WITH schema_events AS (
    SELECT * FROM stg_schema_events
    WHERE ist_date(first_seen_at) <= report_to_date()
),

final AS (
    SELECT
        endpoint,
        path,
        event,
        detail,
        min(first_seen_at) AS first_seen_at,
        arg_min(sweep_id, struct_pack(first_seen_at, sweep_id)) AS first_seen_sweep_id,
        max(first_seen_at) AS last_seen_at,
        count(DISTINCT sweep_id) AS sweeps_seen,
        sum(occurrences) AS occurrences
    FROM schema_events
    GROUP BY endpoint, path, event, detail
)

SELECT * FROM final;
