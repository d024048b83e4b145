package org.vaxslots.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vaxslots.privacy.PersonalDataScreen;
import org.vaxslots.store.DataRoot;

/**
 * The privacy audit of everything a data root keeps or publishes: every column of every table
 * (tables/**&#47;*.parquet, hive partition keys included) and of every published CSV
 * (reports/*&#47;*.csv) must be in the data dictionary and marked non-personal; no value there,
 * no record of the raw archive and no other kept file may show personal data or credentials
 * ({@link PersonalDataScreen}).
 *
 * <p>Steps:
 * <ol>
 *   <li>ListFiles: every file under raw/, state/, tables/ and reports/ (hidden files and
 *       directories, which no reader is meant to see, are skipped; tmp/ holds nothing kept).</li>
 *   <li>ReadRaw: each WARC record's headers, target URI and payload ({@link RawAudit}).</li>
 *   <li>ReadState: the state files by their own formats ({@link OtherFiles}).</li>
 *   <li>CheckColumns: each column against data-schema/dictionary.csv (tables) or
 *       data-schema/reports/dictionary.csv (report CSVs).</li>
 *   <li>ScanValues: every cell through the screen (a whole number in a column with a unit, and
 *       any number with a fraction, is a quantity); the other files of tables/ and of each pack
 *       (markers, manifest, README, charts) by their formats. A finding names the file, the
 *       column or place (row, record offset, line), and the kind, never the value itself.</li>
 * </ol>
 */
public final class AuditJob {
    /**
     * One problem: the file (relative to the audited directory), where in it ("column mobile",
     * "record at offset 1234 (response), payload $.beneficiaries", "line 3"), and what is wrong.
     */
    public record Finding(String file, String where, String problem) {
        @Override
        public String toString() {
            return file + ": " + where + ": " + problem;
        }
    }

    /**
     * What was checked: tables and report CSVs ({@code files}, their columns and values), raw WARC
     * files and their records, the other files (state, markers, manifest, README, charts), the
     * bytes read from disk; and what was found (empty when clean).
     */
    public record Result(int files, int columns, long values, int rawFiles, long rawRecords, int otherFiles, long bytes,
            List<Finding> findings) {
        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private final DataRoot root;
    private final DataDictionary dictionary;
    private final Set<Finding> findings = new LinkedHashSet<>();
    /** file|column|kind already reported: one finding each, at its first row. */
    private final Set<String> reported = new HashSet<>();
    private int files;
    private int columns;
    private long values;
    private int rawFiles;
    private long rawRecords;
    private int otherFiles;
    private long bytes;

    private AuditJob(DataRoot root, DataDictionary dictionary) {
        this.root = root;
        this.dictionary = dictionary;
    }

    public static Result run(Path dir) throws IOException, SQLException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("nothing to audit: " + dir + " is not a directory");
        }
        AuditJob job = new AuditJob(new DataRoot(dir), DataDictionary.load());
        for (Path f : visibleFiles(job.root.raw(), "")) {
            job.raw(f);
        }
        for (Path f : visibleFiles(job.root.state(), "")) {
            job.other(f);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path f : visibleFiles(job.root.tables(), "")) {
                if (f.getFileName().toString().endsWith(".parquet")) {
                    job.parquet(duck, f);
                } else {
                    job.other(f);
                }
            }
        }
        Path reports = job.root.reports();
        if (Files.isDirectory(reports)) {
            try (Stream<Path> packs = Files.list(reports)) {
                for (Path pack : packs.filter(p -> !hidden(p)).sorted().toList()) {
                    for (Path f : Files.isDirectory(pack) ? visibleFiles(pack, "") : List.of(pack)) {
                        if (f.getFileName().toString().endsWith(".csv")) {
                            job.csv(f);
                        } else {
                            job.other(f);
                        }
                    }
                }
            }
        }
        return new Result(job.files, job.columns, job.values, job.rawFiles, job.rawRecords, job.otherFiles, job.bytes,
                List.copyOf(job.findings));
    }

    /** A file under raw/: a WARC file record by record (any other file there is read as text). */
    private void raw(Path file) throws IOException {
        bytes += Files.size(file);
        String name = file.getFileName().toString();
        if (name.endsWith(".warc.gz") || name.endsWith(".warc")) {
            rawFiles++;
            rawRecords += RawAudit.file(file, (where, kind) -> findings.add(new Finding(rel(file), where, kind)));
        } else {
            otherFiles++;
            OtherFiles.file(file, (where, kind) -> findings.add(new Finding(rel(file), where, kind)));
        }
    }

    private void other(Path file) throws IOException {
        bytes += Files.size(file);
        otherFiles++;
        OtherFiles.file(file, (where, kind) -> findings.add(new Finding(rel(file), where, kind)));
    }

    private void parquet(Connection duck, Path file) throws SQLException, IOException {
        files++;
        bytes += Files.size(file);
        Path rel = root.tables().relativize(file);
        String table = rel.getName(0).toString();
        for (int i = 1; i < rel.getNameCount() - 1; i++) {
            String part = rel.getName(i).toString();
            int eq = part.indexOf('=');
            if (eq > 0) {
                column(file, table, part.substring(0, eq));
                value(file, part.substring(0, eq), part.substring(eq + 1), 0);
            }
        }
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                names.add(md.getColumnName(c));
                column(file, table, md.getColumnName(c));
            }
            long row = 0;
            while (rs.next()) {
                row++;
                for (int c = 1; c <= names.size(); c++) {
                    Object v = rs.getObject(c);
                    if ((v instanceof Number number && isQuantity(number, table, names.get(c - 1))) || isInstant(v)) {
                        values++;
                        continue;
                    }
                    value(file, names.get(c - 1), v == null ? null : v.toString(), row);
                }
            }
        }
    }

    private void csv(Path file) throws IOException {
        files++;
        bytes += Files.size(file);
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = p.getHeaderNames();
            if (!name.equals("dictionary.csv")) {
                for (String c : header) {
                    column(file, name, c);
                }
            }
            long row = 0;
            for (CSVRecord r : p) {
                row++;
                for (int c = 0; c < r.size() && c < header.size(); c++) {
                    String cell = r.get(c);
                    if (WHOLE_NUMBER.matcher(cell).matches() && dictionary.isQuantity(name, header.get(c))) {
                        values++;
                        continue;
                    }
                    value(file, header.get(c), cell, row);
                }
            }
        }
    }

    private void column(Path file, String owner, String column) {
        columns++;
        String mark = dictionary.personalMark(owner, column);
        String where = owner.endsWith(".csv") ? DataDictionary.REPORTS : DataDictionary.TABLES;
        if (mark == null) {
            findings.add(new Finding(rel(file), "column " + column, "not in the data dictionary (data-schema" + where.substring("/data-schema".length())
                    + "): document it there, marked personal_data=no, or stop publishing it"));
        } else if (!mark.isEmpty() && !mark.equals("no")) {
            findings.add(new Finding(rel(file), "column " + column, "marked personal_data=" + mark + " in the data dictionary: it must never be published"));
        }
    }

    /** fetches.source_file: the path of an imported file, screened as a path (see PersonalDataScreen.sourcePath). */
    private static final String SOURCE_FILE_COLUMN = "source_file";

    private void value(Path file, String column, String value, long row) {
        values++;
        Optional<PersonalDataScreen.Finding> kind = column.equals(SOURCE_FILE_COLUMN)
                ? PersonalDataScreen.sourcePath(value) : PersonalDataScreen.text(value);
        if (kind.isPresent() && reported.add(file + "|" + column + "|" + kind.get().kind())) {
            findings.add(new Finding(rel(file), "column " + column, "a value looks like personal data: " + kind.get().kind()
                    + (row > 0 ? " (first at data row " + row + ")" : " (in the partition directory name)")));
        }
    }

    /** A TIMESTAMP or DATE cell: typed as an instant or a day, never an id (its digits run to 17 and more). */
    private static boolean isInstant(Object v) {
        return v instanceof java.time.temporal.Temporal || v instanceof java.util.Date;
    }

    /** A number with a fraction, or a whole number in a column with a unit (a count, bytes, doses): never an id. */
    private boolean isQuantity(Number n, String table, String column) {
        boolean fraction = n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal;
        return fraction || dictionary.isQuantity(table, column);
    }

    private String rel(Path file) {
        return root.relative(file);
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("-?[0-9]{1,19}");

    private static List<Path> visibleFiles(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> StreamSupport.stream(root.relativize(p).spliterator(), false).noneMatch(AuditJob::hidden))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
