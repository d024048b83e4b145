package org.vaxslots.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vaxslots.compact.CompactJob;
import org.vaxslots.sql.Checks;
import org.vaxslots.sql.SqlLayers;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.DataRootLock;
import org.vaxslots.store.ProgressLine;
import org.vaxslots.store.SafeNames;
import org.vaxslots.store.WorkDirs;

/**
 * Writes a report pack: the published CSVs, README.md, dictionary.csv, charts, index.html and manifest.json,
 * from the tables of a data root, for the session dates of a range.
 *
 * <p>Steps:
 * <ol>
 *   <li>Compact: bring the change-only session_history and sweep_district_sessions up to date
 *       ({@link CompactJob}: new sweeps are appended, at the cost of those sweeps alone).
 *   <li>BuildLayers: notebooks-sql staging, intermediate and marts over the tables ({@link SqlLayers}).
 *   <li>RunChecks: every checks/*.sql must return no rows, else nothing is published.
 *   <li>WriteCsvs: one CSV per reports/*.sql, in a directory under tmp/.
 *   <li>WriteDictionary, DrawCharts, WriteReadme, WritePage (index.html: {@link PackPage}, which lists every
 *       file but itself and the manifest), WriteManifest (which digests all the others).
 *   <li>Publish: rename the directory into place, replacing an older pack of the same release.
 * </ol>
 * The same tables give the same bytes in every file but manifest.json (its generated_at).
 */
public final class ReportJob {
    static final String DICTIONARY = "/data-schema/reports/dictionary.csv";

    /**
     * @param from first session date (inclusive), or null for no bound
     * @param to last session date (inclusive), or null for no bound
     * @param release the pack's name; null means the to-date, else the latest session date listed
     * @param out the pack directory; null means {@code <data-root>/reports/<release>/}
     * @param chartDate the session date of the per-capita chart; null means the one with the most districts read
     */
    public record Request(LocalDate from, LocalDate to, String release, Path out, LocalDate chartDate) {
        public Request(LocalDate from, LocalDate to, String release, Path out) {
            this(from, to, release, out, null);
        }
    }

    /**
     * The published pack, the rows of each CSV in it, and the wall time of each step (each
     * notebooks-sql file of BuildLayers by name, then the other steps), in order.
     */
    public record Result(Path pack, String release, Map<String, Long> csvRows, List<String> sweeps,
            Map<String, Duration> timings) {}

    private ReportJob() {}

    public static Result run(DataRoot root, Request request) throws IOException, SQLException {
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw new IllegalArgumentException("--from " + request.from() + " is after --to " + request.to());
        }
        LocalDate chart = request.chartDate();
        if (chart != null && ((request.from() != null && chart.isBefore(request.from())) || (request.to() != null && chart.isAfter(request.to())))) {
            throw new IllegalArgumentException("--chart-date " + chart + " is outside the report range --from "
                    + request.from() + " --to " + request.to() + ": choose a date inside it");
        }
        try (DataRootLock lock = DataRootLock.acquire(root, "report")) {
            Map<String, Duration> timings = new LinkedHashMap<>();
            long step = System.nanoTime();
            CompactJob.run(root);
            step = lap(timings, "Compact", step);
            // Steps: BuildLayers, RunChecks, one per CSV, DrawCharts, WriteReadmeManifestAndPublish.
            ProgressLine progress = ProgressLine.start("report", 4 + SqlLayers.index().stream().filter(e -> e.startsWith("reports/")).count(),
                    "steps");
            try (SqlLayers layers = SqlLayers.build(root, request.from(), request.to())) {
                progress.advance(1);
                timings.putAll(layers.timings());
                step = System.nanoTime();
                Result result = publishPack(root, request, layers, timings, step, progress);
                progress.finish();
                return result;
            }
        }
    }

    private static Result publishPack(DataRoot root, Request request, SqlLayers layers, Map<String, Duration> timings, long step,
            ProgressLine progress) throws IOException, SQLException {
        List<Checks.Failure> failures = Checks.run(layers, timings);
        step = lap(timings, "RunChecks", step);
        progress.advance(1);
        if (!failures.isEmpty()) {
            throw new Checks.FailedException(failures);
        }
        String release = SafeNames.requireValid("release name",
                request.release() != null ? request.release() : defaultRelease(layers, request));
        Path out = (request.out() != null ? request.out() : root.reportPack(release)).toAbsolutePath().normalize();
        try (WorkDirs.WorkDir stagingDir = stagingDir(root, out)) {
            Path staging = stagingDir.path();
            Map<String, ReportCsv.Written> csvs = new LinkedHashMap<>();
            for (String entry : layers.entries("reports/")) {
                String name = entry.substring("reports/".length()).replace(".sql", ".csv");
                csvs.put(name, ReportCsv.write(layers.connection(), SqlLayers.sql(entry), staging.resolve(name)));
                progress.advance(1);
            }
            step = lap(timings, "WriteCsvs", step);
            writeDictionary(csvs, staging.resolve("dictionary.csv"));
            PerCapitaChart.Day chartDay = PerCapitaChart.choose(layers.connection(), request.chartDate());
            List<ChartImage> charts = Charts.writeAll(layers.connection(), staging, chartDay);
            step = lap(timings, "DrawCharts", step);
            progress.advance(1);
            PackFacts facts = PackFacts.read(layers, root, release, request.from(), request.to(), csvs, chartDay);
            Files.writeString(staging.resolve("README.md"), PackReadme.render(facts), StandardCharsets.UTF_8);
            DataPackage.write(facts, staging);
            PackPage.write(layers.connection(), facts, charts, staging);
            PackManifest.write(facts, staging, Instant.now());
            publish(root, staging, out);
            lap(timings, "WriteReadmeManifestAndPublish", step);
            progress.advance(1);
            Map<String, Long> rows = new LinkedHashMap<>();
            csvs.forEach((k, v) -> rows.put(k, v.rows()));
            return new Result(out, release, rows, facts.sweepIds(), java.util.Collections.unmodifiableMap(timings));
        }
    }

    private static long lap(Map<String, Duration> timings, String name, long start) {
        long now = System.nanoTime();
        timings.put(name, Duration.ofNanos(now - start));
        return now;
    }

    private static String defaultRelease(SqlLayers layers, Request request) throws SQLException {
        if (request.to() != null) {
            return request.to().toString();
        }
        try (Statement st = layers.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT CAST(max(session_date) AS VARCHAR) FROM district_age_group_daily WHERE sessions_listed > 0")) {
            rs.next();
            String latest = rs.getString(1);
            return latest != null ? latest : "empty";
        }
    }

    /**
     * Under the data root's tmp/ when the pack goes inside the root, else beside the pack (same file
     * system); what a killed report left there is cleared first.
     */
    private static WorkDirs.WorkDir stagingDir(DataRoot root, Path out) throws IOException {
        return out.startsWith(root.root()) ? WorkDirs.create(root.tmp(), "report-")
                : WorkDirs.create(out.getParent(), "." + out.getFileName() + ".report-");
    }

    private static void publish(DataRoot root, Path staging, Path out) throws IOException {
        Path aside = null;
        if (Files.exists(out)) {
            aside = out.resolveSibling("." + out.getFileName() + ".replaced-" + UUID.randomUUID());
            AtomicFiles.publish(out, aside);
        }
        AtomicFiles.publish(staging, out);
        if (aside != null) {
            AtomicFiles.deleteTree(aside);
        }
    }

    /** Copies the published dictionary, after checking it names exactly the columns written. */
    private static void writeDictionary(Map<String, ReportCsv.Written> csvs, Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = ReportJob.class.getResourceAsStream(DICTIONARY)) {
            if (in == null) {
                throw new IllegalStateException(DICTIONARY + " is not on the classpath: rebuild the jar");
            }
            bytes = in.readAllBytes();
        }
        Map<String, List<String>> described = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))
                .setFormat(ReportCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : p) {
                described.computeIfAbsent(r.get("file"), k -> new ArrayList<>()).add(r.get("column"));
            }
        }
        for (Map.Entry<String, ReportCsv.Written> e : csvs.entrySet()) {
            if (!e.getValue().columns().equals(described.get(e.getKey()))) {
                throw new IllegalStateException("data-schema/reports/dictionary.csv describes " + e.getKey() + " as "
                        + described.get(e.getKey()) + " but notebooks-sql writes " + e.getValue().columns()
                        + ": update the dictionary (and data-schema/CHANGELOG.md)");
            }
        }
        Files.write(file, bytes);
    }

    /** Every regular file of a directory, relative and sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
