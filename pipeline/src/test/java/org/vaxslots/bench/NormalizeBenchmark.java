package org.vaxslots.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vaxslots.store.AtomicFiles;

/**
 * Issue 6's benchmark (not a test; run by scripts/bench): on one cached corpus, side by side and
 * in one run, {@code vaxslots normalize --rebuild} (child JVM, default runner), the DuckDB-native
 * baseline, the plain single-threaded loop, normalize on the embedded Flink runner (with --flink)
 * and {@code vaxslots report}, each RUNS times; then normalize under -Xmx512m and the incremental
 * case. Prints a
 * table of medians and the ratios, and appends it to {@code CORPUS/<size>/results.md}.
 *
 * <p>Args: --corpus DIR --size NAME --sweeps N --jar JAR [--runs 3] [--incremental N] [--xmx512]
 * [--heap SIZE] [--no-plain] [--no-report] [--flink]. With --heap, every normalize run gets -XmxSIZE
 * and a GC log (instead of one extra -Xmx512m run), which halves a long size-M run; --no-plain and
 * --no-report drop the plain loop and the report for the same reason. --flink runs normalize on the
 * embedded Flink runner in every round, launched as scripts/vaxslots launches it. Every child runs with the classpath of this JVM (test classes)
 * or the jar.
 */
public final class NormalizeBenchmark {
    private static final long TIMEOUT_SECONDS = 4 * 3600;
    private static final Pattern SUMMARY = Pattern.compile("normalized (\\d+) sweep\\(s\\): (\\d+) responses, "
            + "(\\d+) center rows, (\\d+) session rows");
    private static final Pattern GC_BEFORE = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

    private final Map<String, String> opt;
    private final Path corpus;
    private final Path sizeDir;
    private final Path data;
    private final Path jar;
    private final Path logs;

    private NormalizeBenchmark(Map<String, String> opt) {
        this.opt = opt;
        this.corpus = Path.of(require(opt, "corpus")).toAbsolutePath();
        this.sizeDir = corpus.resolve(require(opt, "size"));
        this.data = sizeDir.resolve("data");
        this.jar = Path.of(require(opt, "jar")).toAbsolutePath();
        this.logs = sizeDir.resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        new NormalizeBenchmark(parse(args)).run();
    }

    private void run() throws Exception {
        int sweeps = Integer.parseInt(require(opt, "sweeps"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));
        Path bodies = sizeDir.resolve("bodies");
        Path duckOut = sizeDir.resolve("duckdb-out");
        Path plainRoot = sizeDir.resolve("plain");

        step("corpus", cp(CorpusGenerator.class, data.toString(), Integer.toString(sweeps), "all", "60", "bench"));
        if (!Files.exists(bodies.resolve(".done"))) {
            AtomicFiles.deleteTree(bodies);
            step("bodies", cp(BodyExtractor.class, data.toString(), bodies.toString()));
            Files.writeString(bodies.resolve(".done"), "");
        }
        Files.createDirectories(plainRoot);
        if (!Files.exists(plainRoot.resolve("raw"))) {
            Files.createSymbolicLink(plainRoot.resolve("raw"), data.resolve("raw"));
        }
        long rawBytes = bytes(data.resolve("raw"), ".warc.gz");
        long bodyBytes = bytes(bodies, ".json");

        Map<String, List<ChildJvm.Run>> results = new LinkedHashMap<>();
        long sessions = 0;
        boolean plain = !opt.containsKey("no-plain");
        boolean report = !opt.containsKey("no-report");
        boolean flink = opt.containsKey("flink");
        Path flinkRoot = sizeDir.resolve("flink");
        if (flink) {
            Files.createDirectories(flinkRoot);
            if (!Files.exists(flinkRoot.resolve("raw"))) {
                Files.createSymbolicLink(flinkRoot.resolve("raw"), data.resolve("raw"));
            }
        }
        String heap = opt.get("heap");
        for (int i = 1; i <= runs; i++) {
            clean(data);
            Path gc = logs.resolve("normalize-" + i + ".gc.log");
            List<String> flags = heap == null ? List.of() : List.of("-Xmx" + heap, "-Xlog:gc:file=" + gc);
            ChildJvm.Run n = measure(results, heap == null ? "normalize" : "normalize -Xmx" + heap, "normalize-" + i,
                    jarCmd(flags, "normalize", "--data-root", data.toString(), "--rebuild"));
            sessions = sessionRows(n);
            if (heap != null) {
                line(String.format("normalize -Xmx%s run %d: peak heap before a GC %d MB", heap, i, peakHeapMb(gc)));
            }
            AtomicFiles.deleteTree(duckOut);
            measure(results, "duckdb", "duckdb-" + i, cp(DuckDbBaseline.class, bodies.toString(), duckOut.toString()));
            if (plain) {
                clean(plainRoot);
                measure(results, "plain", "plain-" + i, cp(PlainLoop.class, plainRoot.toString()));
            }
            if (flink) {
                clean(flinkRoot);
                ChildJvm.Run f = measure(results, "normalize FlinkRunner [local]", "normalize-flink-" + i,
                        runnerCmd(heap == null ? List.of() : List.of("-Xmx" + heap), "normalize", "--data-root", flinkRoot.toString(), "--rebuild",
                                "--runner=FlinkRunner", "--flinkMaster=[local]"));
                if (!f.ok()) {
                    line("FlinkRunner run " + i + ": exit " + f.exit() + ", " + firstError(f.output()));
                } else if (sessionRows(f) != sessions) {
                    throw new IllegalStateException("FlinkRunner wrote " + sessionRows(f) + " session rows, the"
                            + " DirectRunner " + sessions);
                }
            }
            if (report) {
                measure(results, "report", "report-" + i, jarCmd(List.of(), "report", "--data-root", data.toString(),
                        "--release", "bench"));
            }
        }
        long sessionBytes = bytes(data.resolve("tables").resolve("sessions"), ".parquet");
        long tableBytes = bytes(data.resolve("tables"), ".parquet");
        long duckBytes = bytes(duckOut, ".parquet");
        long duckRows = longField(results.get("duckdb").get(0).output(), "rows");
        long plainRows = plain ? longField(results.get("plain").get(0).output(), "sessions") : -1;

        if (opt.containsKey("xmx512") && heap == null) {
            clean(data);
            Path gc = logs.resolve("normalize-xmx512m.gc.log");
            ChildJvm.Run r = measure(results, "normalize -Xmx512m", "normalize-xmx512m",
                    jarCmd(List.of("-Xmx512m", "-Xlog:gc:file=" + gc), "normalize", "--data-root", data.toString(),
                            "--rebuild"));
            line(String.format("-Xmx512m: exit %d, peak heap before a GC %d MB (of 512), %d session rows",
                    r.exit(), peakHeapMb(gc), r.ok() ? sessionRows(r) : -1));
        }
        line("");
        line(String.format("## size %s, %s (%d runs, medians; load = 1-min load average before each run)",
                opt.get("size"), Instant.now(), runs));
        line(String.format("corpus: %d sweeps, %d session rows (normalize), %d (DuckDB), %d (plain); raw WARC.gz %.1f MB,"
                + " extracted JSON bodies %.1f MB", sweeps, sessions, duckRows, plainRows, rawBytes / 1e6, bodyBytes / 1e6));
        line("");
        line("| measurement | wall s (median) | min-max | session rows/s | raw MB/s | peak RSS MB (max) | CPU % (median) | load |");
        line("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<ChildJvm.Run>> e : results.entrySet()) {
            List<ChildJvm.Run> rs = e.getValue();
            double wall = median(rs.stream().mapToDouble(ChildJvm.Run::wallSeconds).toArray());
            boolean rowsApply = !e.getKey().equals("report") && rs.stream().allMatch(ChildJvm.Run::ok);
            line(String.format("| %s | %.2f%s | %.2f-%.2f | %s | %s | %d | %.0f | %s |", e.getKey(), wall,
                    rs.stream().allMatch(ChildJvm.Run::ok) ? "" : " (FAILED)",
                    rs.stream().mapToDouble(ChildJvm.Run::wallSeconds).min().orElse(0),
                    rs.stream().mapToDouble(ChildJvm.Run::wallSeconds).max().orElse(0),
                    rowsApply ? String.format("%.0f", sessions / wall) : "-",
                    rowsApply ? String.format("%.1f", rawBytes / 1e6 / wall) : "-",
                    rs.stream().mapToLong(ChildJvm.Run::peakRssKb).max().orElse(0) / 1024,
                    median(rs.stream().mapToDouble(ChildJvm.Run::cpuPercent).toArray()),
                    Arrays.toString(rs.stream().mapToDouble(ChildJvm.Run::load1).toArray())));
        }
        double copy = median(results.get("duckdb").stream().mapToDouble(r -> doubleField(r.output(), "copy_seconds")).toArray());
        double nWall = medianWall(results, results.keySet().iterator().next());
        line(String.format("| duckdb, COPY statement only | %.2f | | %.0f | %.1f | | | |", copy, sessions / copy,
                rawBytes / 1e6 / copy));
        if (plain) {
            double plainIn = median(results.get("plain").stream().mapToDouble(r -> doubleField(r.output(), "seconds")).toArray());
            line(String.format("| plain, loop only (no JVM start) | %.2f | | %.0f | %.1f | | | |", plainIn,
                    sessions / plainIn, rawBytes / 1e6 / plainIn));
        }
        line("");
        line(String.format("ratios (rows/s, medians of this run): normalize / DuckDB = %.2f (whole JVMs), %.2f (vs COPY only)%s",
                medianWall(results, "duckdb") / nWall, copy / nWall, plain ? String.format(
                        "; normalize / plain loop = %.2f (whole JVMs)", medianWall(results, "plain") / nWall) : ""));
        if (flink && results.get("normalize FlinkRunner [local]").stream().allMatch(ChildJvm.Run::ok)) {
            line(String.format("FlinkRunner [local] / DirectRunner (rows/s, medians of this run) = %.2f",
                    nWall / medianWall(results, "normalize FlinkRunner [local]")));
        }
        line(String.format("bytes per session observation: raw WARC.gz %.1f, sessions Parquet %.1f, all tables Parquet %.1f,"
                        + " DuckDB baseline Parquet %.1f", (double) rawBytes / sessions, (double) sessionBytes / sessions,
                (double) tableBytes / sessions, (double) duckBytes / duckRows));
        if (opt.containsKey("incremental")) {
            incremental(Integer.parseInt(opt.get("incremental")), runs);
        }
    }

    /**
     * One new small sweep (one state) normalized after N normalized ones, against the same sweep
     * alone in an empty data root, and against a run with nothing to do (the fixed cost).
     */
    private void incremental(int n, int runs) throws Exception {
        Path inc = corpus.resolve("incremental-" + n);
        Path root = inc.resolve("data");
        Path alone = inc.resolve("alone");
        String last = String.format("inc-%05d", n);
        Path held = alone.resolve("raw").resolve("sweep_id=" + last);
        Path inRoot = root.resolve("raw").resolve("sweep_id=" + last);
        if (!Files.exists(held)) {
            step("incremental corpus", cp(CorpusGenerator.class, root.toString(), Integer.toString(n + 1), "17", "15", "inc"));
            Files.createDirectories(held.getParent());
            Files.move(inRoot, held);
        }
        if (!Files.exists(root.resolve("tables").resolve("_sweeps").resolve(String.format("inc-%05d.json", n - 1)))) {
            step("incremental: normalize the first " + n, jarCmd(List.of(), "normalize", "--data-root", root.toString()));
        }
        Map<String, List<ChildJvm.Run>> results = new LinkedHashMap<>();
        for (int i = 1; i <= runs; i++) {
            clean(alone);
            measure(results, "1 sweep alone", "inc-alone-" + i, jarCmd(List.of(), "normalize", "--data-root",
                    alone.toString()));
            Files.move(held, inRoot);
            try {
                ChildJvm.Run r = measure(results, "1 new sweep after " + n, "inc-after-" + i, jarCmd(List.of(),
                        "normalize", "--data-root", root.toString()));
                if (!r.output().contains("normalized 1 sweep(s)")) {
                    throw new IllegalStateException("incremental run did not normalize exactly the new sweep: " + r.output());
                }
            } finally {
                Files.move(inRoot, held);
                for (Path t : list(root.resolve("tables"))) {
                    AtomicFiles.deleteTree(t.resolve("sweep_id=" + last));
                }
                Files.deleteIfExists(root.resolve("tables").resolve("_sweeps").resolve(last + ".json"));
            }
            measure(results, "nothing to do after " + n, "inc-noop-" + i, jarCmd(List.of(), "normalize", "--data-root",
                    root.toString()));
        }
        line("");
        line(String.format("incremental (%d one-state sweeps of 14 districts already normalized; child JVM wall, medians of %d):",
                n, runs));
        for (Map.Entry<String, List<ChildJvm.Run>> e : results.entrySet()) {
            line(String.format("- %s: %.2f s (min-max %.2f-%.2f), load %s", e.getKey(), medianWall(results, e.getKey()),
                    e.getValue().stream().mapToDouble(ChildJvm.Run::wallSeconds).min().orElse(0),
                    e.getValue().stream().mapToDouble(ChildJvm.Run::wallSeconds).max().orElse(0),
                    Arrays.toString(e.getValue().stream().mapToDouble(ChildJvm.Run::load1).toArray())));
        }
    }

    private ChildJvm.Run measure(Map<String, List<ChildJvm.Run>> results, String key, String label, List<String> cmd)
            throws IOException, InterruptedException {
        ChildJvm.Run r = ChildJvm.run(label, cmd, logs.resolve(label + ".log"), TIMEOUT_SECONDS);
        System.out.printf("  %-28s %8.2f s  %6d MB RSS  load %.2f  exit %d%n", label, r.wallSeconds(),
                r.peakRssKb() / 1024, r.load1(), r.exit());
        results.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        return r;
    }

    private void step(String label, List<String> cmd) throws IOException, InterruptedException {
        ChildJvm.Run r = ChildJvm.run(label, cmd, logs.resolve(label.replaceAll("\\W+", "-") + ".log"), TIMEOUT_SECONDS);
        System.out.printf("  %-28s %8.2f s  exit %d%n", label, r.wallSeconds(), r.exit());
        if (!r.ok()) {
            throw new IllegalStateException(label + " failed (exit " + r.exit() + "): " + firstError(r.output()));
        }
    }

    private List<String> jarCmd(List<String> jvmFlags, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-Djava.awt.headless=true"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * As scripts/vaxslots launches a command that names the Flink or Spark runner: the runner jars
     * the build copies beside the jar (target/runners/) on the classpath, and the JDK packages Spark
     * reaches into opened.
     */
    private List<String> runnerCmd(List<String> jvmFlags, String... args) {
        Path runners = jar.resolveSibling("runners");
        if (!Files.isDirectory(runners)) {
            throw new IllegalStateException(runners + " is missing; rebuild with: mvn -B -DskipTests package");
        }
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-Djava.awt.headless=true"));
        for (String pkg : List.of("sun.nio.ch", "java.nio", "java.lang", "java.util", "java.lang.invoke")) {
            cmd.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", jar + java.io.File.pathSeparator + runners.resolve("*"), "org.vaxslots.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> cp(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-cp", System.getProperty("java.class.path"),
                main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Leaves only raw/ (and what raw/ links to) in a data root. */
    private static void clean(Path root) throws IOException {
        AtomicFiles.deleteTree(root.resolve("tables"));
        AtomicFiles.deleteTree(root.resolve("tmp"));
        AtomicFiles.deleteTree(root.resolve("reports"));
    }

    /** Prints a result line and appends it to results.md at once, so an interrupted run keeps what it measured. */
    private void line(String s) throws IOException {
        System.out.println(s);
        Files.writeString(sizeDir.resolve("results.md"), s + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static long sessionRows(ChildJvm.Run r) {
        Matcher m = SUMMARY.matcher(r.output());
        if (!m.find()) {
            throw new IllegalStateException(r.label() + " printed no summary (exit " + r.exit() + "): "
                    + firstError(r.output()));
        }
        return Long.parseLong(m.group(4));
    }

    private static long peakHeapMb(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        long max = 0;
        Matcher m = GC_BEFORE.matcher(Files.readString(gcLog));
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }

    private static String firstError(String output) {
        for (String l : output.split("\n")) {
            if (l.contains("Exception") || l.toLowerCase().contains("error")) {
                return l.trim();
            }
        }
        String[] lines = output.split("\n");
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1].trim();
    }

    private static long longField(String output, String name) {
        return (long) doubleField(output, name);
    }

    private static double doubleField(String output, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=([0-9.]+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + "= in: " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double medianWall(Map<String, List<ChildJvm.Run>> results, String key) {
        return median(results.get(key).stream().mapToDouble(ChildJvm.Run::wallSeconds).toArray());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long bytes(Path dir, String suffix) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot size " + p, e);
                }
            }).sum();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    private static String require(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String k = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            m.put(k, flag ? "true" : args[++i]);
        }
        return m;
    }
}
