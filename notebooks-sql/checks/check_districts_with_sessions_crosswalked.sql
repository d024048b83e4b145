-- notebooks-sql/checks/check_districts_with_sessions_crosswalked.sql
-- Passes when it returns no rows: every Co-WIN district that listed a session is in the crosswalk
-- (it has a census district) or is listed in reference/crosswalk_overrides.csv as one that cannot
-- be mapped, with the reason. A district that is neither would leave its sessions out of every
-- per-capita figure without saying why: add its id to reference/crosswalk_overrides.csv.
-- Reads: int_session_spells_summarised, int_districts_crosswalked.
WITH sessions AS (
    SELECT * FROM int_session_spells_summarised
    WHERE district_id IS NOT NULL
),

crosswalk AS (
    SELECT * FROM int_districts_crosswalked
),

districts_with_sessions AS (
    SELECT
        district_id,
        max(state_name) AS state_name,
        max(district_name) AS district_name,
        count(*) AS sessions
    FROM sessions
    GROUP BY district_id
),

final AS (
    SELECT
        CASE WHEN crosswalk.district_id IS NULL
            THEN 'district with sessions is not in the district list'
            ELSE 'district with sessions has no census district and no reason'
        END AS problem,
        districts_with_sessions.district_id,
        districts_with_sessions.state_name,
        districts_with_sessions.district_name,
        districts_with_sessions.sessions
    FROM districts_with_sessions
    LEFT JOIN crosswalk
        ON crosswalk.district_id = districts_with_sessions.district_id
    WHERE crosswalk.district_key IS NULL
        AND crosswalk.unmapped_reason IS NULL
)

SELECT * FROM final
ORDER BY district_id;
