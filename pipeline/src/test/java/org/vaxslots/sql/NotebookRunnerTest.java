package org.vaxslots.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.SweepHistory;

class NotebookRunnerTest {
    @TempDir
    Path dir;

    @Test
    void statements_semicolonsInQuotesAndComments_notSplit() {
        assertEquals(List.of("SELECT 'a;b' AS x", "-- c;d\nSELECT 2"),
                NotebookRunner.statements("SELECT 'a;b' AS x;\n-- c;d\nSELECT 2;\n-- trailing comment only\n"));
    }

    /** A copy of the shared history: a notebook compacts its data root first, and the shared one stays as built. */
    private DataRoot history() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data-" + java.util.UUID.randomUUID()));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        return root;
    }

    @Test
    void run_twoStatements_markdownWithSqlAndFirstRows() throws Exception {
        Path sql = dir.resolve("01_peak.sql");
        Files.writeString(sql, "-- a first look\nSELECT district_id, peak_open_capacity\nFROM district_age_group_daily\n"
                + "WHERE age_group = '45+' AND session_date = DATE '2021-05-16'\nORDER BY district_id;\n\nSELECT count(*) AS sweeps FROM stg_fetches WHERE outcome = 'throttled';\n");
        Path md = dir.resolve("out/01_peak.md");

        NotebookRunner.Result r = NotebookRunner.run(history(), sql, md);

        assertEquals(2, r.statements());
        String text = Files.readString(md);
        assertTrue(text.contains("```sql\n-- a first look\nSELECT district_id, peak_open_capacity\nFROM district_age_group_daily\n"
                + "WHERE age_group = '45+' AND session_date = DATE '2021-05-16'\nORDER BY district_id\n```"), text);
        assertTrue(text.contains("| district_id | peak_open_capacity |\n|---|---|\n| 188 | 12 |\n| 192 | 7 |\n| 199 | 0 |\n| 505 | 20 |\n| 506 | 30 |\n\n5 rows.\n"), text);
        assertTrue(text.contains("| sweeps |\n|---|\n| 1 |\n\n1 row.\n"), text);
    }

    @Test
    void run_badStatement_failsNamingItsNumber() throws Exception {
        Path sql = dir.resolve("02_bad.sql");
        Files.writeString(sql, "SELECT 1;\nSELECT * FROM no_such_table;\n");
        SQLException e = assertThrows(SQLException.class,
                () -> NotebookRunner.run(history(), sql, dir.resolve("02_bad.md")));
        assertTrue(e.getMessage().contains("statement 2 failed"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("02_bad.md")));
    }

    @Test
    void run_shippedTimeToBookNotebook_showsSessionOneInterval() throws Exception {
        Path md = dir.resolve("01_time_to_book.md");

        NotebookRunner.run(history(), Path.of("../notebooks-sql/explore/01_time_to_book.sql"), md);

        String text = Files.readString(md);
        assertTrue(text.contains("| 2021-05-16 | Rohtak | 18-44 | 10 | 30.0 | 60.0 |"), text);
        assertTrue(text.contains("| 2021-05-16 | Haryana | Rohtak | 18-44 | 1 | 30.0 | 60.0 | 4 | 1 |"), text);
    }
}
