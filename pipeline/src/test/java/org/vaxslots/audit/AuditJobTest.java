package org.vaxslots.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;

/**
 * The audit over the demo's real output (clean), then the same output with one planted problem
 * each: a phone number, an email address, an Aadhaar-like number in a published CSV, an
 * undocumented CSV column, and a table with an undocumented column holding a phone number.
 */
class AuditJobTest {
    private static final String CSV = "reports/demo/district_daily_coverage.csv";

    @TempDir
    Path dir;

    private DataRoot demoCopy() throws Exception {
        return DemoRoot.copy(dir.resolve("data"), "tables", "reports");
    }

    /** Replaces the district_name of the first data row of {@link #CSV}. */
    private static void plantDistrictName(DataRoot root, String value) throws Exception {
        Path f = root.root().resolve(CSV);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("district_name");
        String[] cells = lines.get(1).split(",", -1);
        cells[col] = value;
        lines.set(1, String.join(",", cells));
        Files.write(f, lines, StandardCharsets.UTF_8);
    }

    @Test
    void audit_demoOutput_isCleanOverEveryTableAndCsv() throws Exception {
        AuditJob.Result r = AuditJob.run(DemoRoot.shared().root());

        assertEquals(List.of(), r.findings());
        assertEquals(4 * 6 + 8, r.files(), "24 Parquet partitions (4 sweeps x 6 tables) and the pack's 8 CSVs");
        assertTrue(r.values() > 100_000, "every cell was read: " + r.values());
    }

    @Test
    void audit_phoneNumberInCsv_failsNamingFileAndColumn() throws Exception {
        DataRoot root = demoCopy();
        plantDistrictName(root, "Ernakulam call 98765 43210");

        assertEquals(List.of(new AuditJob.Finding(CSV, "column district_name", "a value looks like personal data: phone number (first at data row 1)")),
                AuditJob.run(root.root()).findings());
    }

    @Test
    void audit_emailInCsv_failsNamingFileAndColumn() throws Exception {
        DataRoot root = demoCopy();
        plantDistrictName(root, "officer@example.org");

        assertEquals(List.of(new AuditJob.Finding(CSV, "column district_name", "a value looks like personal data: email address (first at data row 1)")),
                AuditJob.run(root.root()).findings());
    }

    @Test
    void audit_aadhaarLikeNumberInCsv_failsNamingFileAndColumn() throws Exception {
        DataRoot root = demoCopy();
        plantDistrictName(root, "2345 6789 0123");

        assertEquals(List.of(new AuditJob.Finding(CSV, "column district_name",
                "a value looks like personal data: Aadhaar-like number (first at data row 1)")), AuditJob.run(root.root()).findings());
    }

    @Test
    void audit_undocumentedCsvColumn_failsNamingFileAndColumn() throws Exception {
        DataRoot root = demoCopy();
        Path f = root.root().resolve(CSV);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + (i == 0 ? ",contact_name" : ",x"));
        }
        Files.write(f, lines, StandardCharsets.UTF_8);

        assertEquals(List.of(new AuditJob.Finding(CSV, "column contact_name", "not in the data dictionary"
                + " (data-schema/reports/dictionary.csv): document it there, marked personal_data=no, or stop publishing it")),
                AuditJob.run(root.root()).findings());
    }

    @Test
    void audit_tableWithUndocumentedPhoneColumn_failsWithBothFindings() throws Exception {
        DataRoot root = demoCopy();
        Path part = root.tablePartition("centers", "planted").resolve(DataRoot.PART_FILE);
        Files.createDirectories(part.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 1234 AS center_id, '+91 98765 43210' AS mobile) TO '" + part + "' (FORMAT parquet)");
        }
        String file = "tables/centers/sweep_id=planted/part-00000.parquet";

        assertEquals(List.of(
                new AuditJob.Finding(file, "column mobile", "not in the data dictionary (data-schema/dictionary.csv): document it"
                        + " there, marked personal_data=no, or stop publishing it"),
                new AuditJob.Finding(file, "column mobile", "a value looks like personal data: phone number (first at data row 1)")),
                AuditJob.run(root.root()).findings());
    }
}
