package org.vaxslots.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.compact.CompactJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.SweepHistory;

/**
 * Every check of notebooks-sql/checks/ shown to fail: the layers are built once over the
 * hand-built history of {@link SweepHistory} (which passes every check), and each test breaks one
 * relation the way a wrong rule would, inside a transaction that is rolled back, then asserts that
 * exactly that check fails, with exactly the offending row. District 505 is Jaipur I (one session
 * of 20 slots, 45+, seen in all five sweeps), 199 Faridabad (read, nothing listed), 192 Rohtak.
 */
class ChecksTest {
    static final LocalDate DAY = LocalDate.parse("2021-05-16");
    static final String JAIPUR_I_45 = "district_id = 505 AND age_group = '45+'";
    static final String THROTTLED_FETCH = "<urn:uuid:00000000-0000-4000-8000-000000000403>";

    @TempDir
    static java.nio.file.Path dir;
    static SqlLayers layers;

    @BeforeAll
    static void build() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        CompactJob.run(root);
        layers = SqlLayers.build(root, DAY, DAY);
    }

    @AfterAll
    static void close() throws SQLException {
        layers.close();
    }

    /** The failed checks after the statements, which are then rolled back. */
    private static List<Checks.Failure> failuresAfter(String... statements) throws SQLException {
        Connection c = layers.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            return Checks.run(layers);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static Checks.Failure failure(String check, String... rows) {
        return new Checks.Failure("checks/" + check + ".sql", List.of(rows));
    }

    @Test
    void checks_goodTables_allPass() throws Exception {
        assertEquals(List.of(), failuresAfter());
    }

    @Test
    void sessionHistoryKeyUnique_runListedTwice_fails() throws Exception {
        assertEquals(List.of(failure("check_session_history_key_unique",
                        "{session_date=2021-05-16, session_id=00000000-0000-4000-8000-000000000005, run_number=1, rows_count=2}")),
                failuresAfter(
                        "CREATE TABLE history_copy AS SELECT * FROM stg_session_history",
                        "INSERT INTO history_copy SELECT * FROM history_copy WHERE session_id = '00000000-0000-4000-8000-000000000005'"
                                + " AND run_number = 1",
                        "CREATE OR REPLACE VIEW stg_session_history AS SELECT * FROM history_copy"));
    }

    @Test
    void districtDailyKeyUnique_rowListedTwice_fails() throws Exception {
        assertEquals(List.of(failure("check_district_daily_key_unique",
                        "{session_date=2021-05-16, district_id=505, age_group=45+, rows_count=2}")),
                failuresAfter("INSERT INTO district_age_group_daily SELECT * FROM district_age_group_daily WHERE " + JAIPUR_I_45));
    }

    @Test
    void capacitiesNonNegative_negativeBookedEstimate_fails() throws Exception {
        assertEquals(List.of(failure("check_capacities_non_negative",
                        "{relation=district_age_group_daily, row_key=2021-05-16 505 45+}")),
                failuresAfter("UPDATE district_age_group_daily SET capacity_booked_est = -1 WHERE " + JAIPUR_I_45));
    }

    @Test
    void sharesWithinBounds_openShareOver100_fails() throws Exception {
        assertEquals(List.of(failure("check_shares_within_bounds",
                        "{relation=district_age_group_daily, row_key=2021-05-16 505 45+}")),
                failuresAfter("UPDATE district_age_group_daily SET open_share_pct = 100.5 WHERE " + JAIPUR_I_45));
    }

    @Test
    void sweepsAddUp_oneSweepTooManyWithoutData_fails() throws Exception {
        assertEquals(List.of(failure("check_sweeps_add_up",
                        "{session_date=2021-05-16, district_id=505, age_group=45+, sweeps_with_data=5, sweeps_without_data=1,"
                                + " sweeps_count=5}")),
                failuresAfter("UPDATE district_age_group_daily SET sweeps_without_data = sweeps_without_data + 1 WHERE " + JAIPUR_I_45));
    }

    @Test
    void populationCountedOnce_statePopulationOffByOne_fails() throws Exception {
        assertEquals(List.of(failure("check_population_counted_once",
                        "{problem=state population counted more than once, row_key=2021-05-16 Rajasthan 45+}")),
                failuresAfter("UPDATE state_age_group_daily SET population_covered = population_covered + 1"
                        + " WHERE state_name = 'Rajasthan' AND age_group = '45+'"));
    }

    @Test
    void districtsWithSessionsCrosswalked_censusDistrictLost_fails() throws Exception {
        assertEquals(List.of(failure("check_districts_with_sessions_crosswalked",
                        "{problem=district with sessions has no census district and no reason, district_id=192, state_name=Haryana,"
                                + " district_name=Rohtak, sessions=3}")),
                failuresAfter("UPDATE int_districts_crosswalked SET district_key = NULL, unmapped_reason = NULL WHERE district_id = 192"));
    }

    @Test
    void readDistrictsHaveRows_nothingListedButACenterCounted_fails() throws Exception {
        assertEquals(List.of(failure("check_read_districts_have_rows",
                        "{problem=nothing listed but not zero, row_key=2021-05-16 199 45+}")),
                failuresAfter("UPDATE district_age_group_daily SET centers_listed = 1 WHERE district_id = 199 AND age_group = '45+'"));
    }

    @Test
    void per100kReasonWhenEmpty_reasonBesideAFigure_fails() throws Exception {
        assertEquals(List.of(failure("check_per_100k_reason_when_empty",
                        "{relation=district_age_group_daily, row_key=2021-05-16 505 45+}")),
                failuresAfter("UPDATE district_age_group_daily SET per_100k_missing_reason = 'no_population' WHERE " + JAIPUR_I_45));
    }

    @Test
    void codedValuesAccepted_outcomeNotInTheCodebook_fails() throws Exception {
        assertEquals(List.of(failure("check_coded_values_accepted",
                        "{relation=fetches, column_name=outcome, value=captured, rows_count=1}")),
                failuresAfter(
                        "CREATE TABLE fetches_copy AS SELECT * REPLACE (CASE WHEN fetch_id = '" + THROTTLED_FETCH
                                + "' THEN 'captured' ELSE outcome END AS outcome) FROM stg_fetches",
                        "CREATE OR REPLACE VIEW stg_fetches AS SELECT * FROM fetches_copy"));
    }

    /** Each table is read once for all its coded columns: every column still answers for itself, with its own count. */
    @Test
    void codedValuesAccepted_badValuesInSeveralColumnsOfOneTable_eachNamed() throws Exception {
        assertEquals(List.of(failure("check_coded_values_accepted",
                        "{relation=fetches, column_name=as_of_source, value=guessed, rows_count=1}",
                        "{relation=fetches, column_name=endpoint, value=calendarByMoon, rows_count=1}",
                        "{relation=fetches, column_name=outcome, value=captured, rows_count=1}",
                        "{relation=sessions, column_name=age_group, value=adults, rows_count=1}",
                        "{relation=sessions, column_name=endpoint, value=calendarByMoon, rows_count=1}")),
                failuresAfter(
                        "CREATE TABLE fetches_copy AS SELECT * REPLACE (CASE WHEN fetch_id = '" + THROTTLED_FETCH
                                + "' THEN 'captured' ELSE outcome END AS outcome, CASE WHEN fetch_id = '" + THROTTLED_FETCH
                                + "' THEN 'guessed' ELSE as_of_source END AS as_of_source, CASE WHEN fetch_id = '" + THROTTLED_FETCH
                                + "' THEN 'calendarByMoon' ELSE endpoint END AS endpoint) FROM stg_fetches",
                        "CREATE OR REPLACE VIEW stg_fetches AS SELECT * FROM fetches_copy",
                        "CREATE TABLE sessions_copy AS SELECT * REPLACE (CASE WHEN session_id = '00000000-0000-4000-8000-000000000005'"
                                + " AND sweep_id = (SELECT min(sweep_id) FROM stg_sessions) THEN 'adults' ELSE age_group END AS age_group,"
                                + " CASE WHEN session_id = '00000000-0000-4000-8000-000000000005'"
                                + " AND sweep_id = (SELECT max(sweep_id) FROM stg_sessions) THEN 'calendarByMoon' ELSE endpoint END AS endpoint)"
                                + " FROM stg_sessions",
                        "CREATE OR REPLACE VIEW stg_sessions AS SELECT * FROM sessions_copy"));
    }

    /** Jaipur I's session has two runs: sweep 1 sent no dose split, sweeps 2-5 did. */
    @Test
    void codedValuesAccepted_ageGroupNeitherARuleNorALabel_fails() throws Exception {
        assertEquals(List.of(failure("check_coded_values_accepted",
                        "{relation=session_history, column_name=age_group, value=adults, rows_count=2}")),
                failuresAfter(
                        "CREATE TABLE history_copy AS SELECT * REPLACE (CASE WHEN session_id = '00000000-0000-4000-8000-000000000005'"
                                + " THEN 'adults' ELSE age_group END AS age_group) FROM stg_session_history",
                        "CREATE OR REPLACE VIEW stg_session_history AS SELECT * FROM history_copy"));
    }

    /** fetched_at is what normalize writes for a record without a Date header or a given time: the codebook lists it. */
    @Test
    void codedValuesAccepted_fetchedAtAndAnUncoveredAgeLabel_pass() throws Exception {
        assertEquals(List.of(), failuresAfter(
                "CREATE TABLE fetches_copy AS SELECT * REPLACE ('fetched_at' AS as_of_source) FROM stg_fetches",
                "CREATE OR REPLACE VIEW stg_fetches AS SELECT * FROM fetches_copy",
                "CREATE TABLE history_copy AS SELECT * REPLACE (CASE WHEN session_id = '00000000-0000-4000-8000-000000000005'"
                        + " THEN '44+' ELSE age_group END AS age_group) FROM stg_session_history",
                "CREATE OR REPLACE VIEW stg_session_history AS SELECT * FROM history_copy"));
    }
}
