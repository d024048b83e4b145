-- notebooks-sql/explore/01_time_to_book.sql
-- Grain: per statement. Reads: int_session_spells_summarised, district_age_group_daily (built by the
-- runner before this file). Run: vaxslots notebook notebooks-sql/explore/01_time_to_book.sql
-- How fast did open slots go? Time to book is an interval per session, never one minute.

-- Sessions seen going from open to zero, with both bounds, slowest upper bound first.
SELECT
    session_date,
    district_name,
    age_group,
    peak_capacity,
    time_to_book_min_lower,
    time_to_book_min_upper
FROM int_session_spells_summarised
WHERE first_zero_after_open_at IS NOT NULL
ORDER BY time_to_book_min_upper DESC NULLS FIRST, session_id;

-- Districts and days where slots were seen going, with the medians published in the report.
SELECT
    session_date,
    state_name,
    district_name,
    age_group,
    sessions_seen_booking_out,
    time_to_book_min_lower_median,
    time_to_book_min_upper_median,
    sweeps_with_data,
    sweeps_without_data
FROM district_age_group_daily
WHERE sessions_seen_booking_out > 0
ORDER BY session_date, state_name, district_name, age_group;
