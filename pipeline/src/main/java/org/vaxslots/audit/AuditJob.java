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

/**
 * The privacy audit of a data root: every column of every table (tables/**&#47;*.parquet, hive
 * partition keys included) and of every published CSV (reports/*&#47;*.csv) must be in the data
 * dictionary and marked non-personal, and no value may look like personal data
 * ({@link PersonalPatterns}).
 *
 * <p>Steps:
 * <ol>
 *   <li>ListFiles: the Parquet files under tables/ and the CSVs of each pack under reports/
 *       (hidden files and directories, which no reader is meant to see, are skipped).</li>
 *   <li>CheckColumns: each column against data-schema/dictionary.csv (tables) or
 *       data-schema/reports/dictionary.csv (report CSVs).</li>
 *   <li>ScanValues: every cell, as text, against the patterns; a finding names the file, the
 *       column, the kind and the row, never the value itself.</li>
 * </ol>
 */
public final class AuditJob {
    /** One problem: the file (relative to the audited directory), the column, and what is wrong. */
    public record Finding(String file, String column, String problem) {
        @Override
        public String toString() {
            return file + ": column " + column + ": " + problem;
        }
    }

    /** What was checked, and what was found (empty when clean). */
    public record Result(int files, int columns, long values, List<Finding> findings) {
        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private final Path dir;
    private final DataDictionary dictionary;
    private final Set<Finding> findings = new LinkedHashSet<>();
    /** file|column|kind already reported: one finding each, at its first row. */
    private final Set<String> reported = new HashSet<>();
    private int files;
    private int columns;
    private long values;

    private AuditJob(Path dir, DataDictionary dictionary) {
        this.dir = dir;
        this.dictionary = dictionary;
    }

    public static Result run(Path dir) throws IOException, SQLException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("nothing to audit: " + dir + " is not a directory");
        }
        AuditJob job = new AuditJob(dir.toAbsolutePath().normalize(), DataDictionary.load());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path f : visibleFiles(job.dir.resolve("tables"), ".parquet")) {
                job.parquet(duck, f);
            }
        }
        Path reports = job.dir.resolve("reports");
        if (Files.isDirectory(reports)) {
            try (Stream<Path> packs = Files.list(reports)) {
                for (Path pack : packs.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList()) {
                    for (Path f : visibleFiles(pack, ".csv")) {
                        job.csv(f);
                    }
                }
            }
        }
        return new Result(job.files, job.columns, job.values, List.copyOf(job.findings));
    }

    private void parquet(Connection duck, Path file) throws SQLException {
        files++;
        Path rel = dir.resolve("tables").relativize(file);
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
                    value(file, names.get(c - 1), v == null ? null : v.toString(), row);
                }
            }
        }
    }

    private void csv(Path file) throws IOException {
        files++;
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
                    value(file, header.get(c), r.get(c), row);
                }
            }
        }
    }

    private void column(Path file, String owner, String column) {
        columns++;
        String mark = dictionary.personalMark(owner, column);
        String where = owner.endsWith(".csv") ? DataDictionary.REPORTS : DataDictionary.TABLES;
        if (mark == null) {
            findings.add(new Finding(rel(file), column, "not in the data dictionary (data-schema" + where.substring("/data-schema".length())
                    + "): document it there, marked personal_data=no, or stop publishing it"));
        } else if (!mark.isEmpty() && !mark.equals("no")) {
            findings.add(new Finding(rel(file), column, "marked personal_data=" + mark + " in the data dictionary: it must never be published"));
        }
    }

    private void value(Path file, String column, String value, long row) {
        values++;
        Optional<PersonalPatterns.Kind> kind = PersonalPatterns.match(value);
        if (kind.isPresent() && reported.add(file + "|" + column + "|" + kind.get().name())) {
            findings.add(new Finding(rel(file), column, "a value looks like personal data: " + kind.get().name()
                    + (row > 0 ? " (first at data row " + row + ")" : " (in the partition directory name)")));
        }
    }

    private String rel(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

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
