-- notebooks-sql/reports/schema_changes.sql
-- Publishes schema_changes.csv (data-schema/reports/schema_changes.md).
-- Grain: one row per endpoint, field path, event and detail.
-- Reads: source_schema_changes. Column names and order are a contract: add, never rename.
SELECT
    strftime(first_seen_at, '%Y-%m-%dT%H:%M:%SZ') AS first_seen_at,
    first_seen_sweep_id,
    strftime(last_seen_at, '%Y-%m-%dT%H:%M:%SZ') AS last_seen_at,
    endpoint,
    path,
    event,
    detail,
    sweeps_seen,
    occurrences
FROM source_schema_changes
ORDER BY first_seen_at, endpoint, path, event, detail;
