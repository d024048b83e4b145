package org.vaxslots.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vaxslots.model.Durations;
import org.vaxslots.model.RateLimit;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.report.ReportJob;
import org.vaxslots.simulator.SimClock;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.snapshot.Progress;
import org.vaxslots.snapshot.RetryPolicy;
import org.vaxslots.snapshot.SnapshotJob;
import org.vaxslots.sql.DuckDb;
import org.vaxslots.sql.ResultPrinter;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.SweepIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole pipeline on this machine, no network: starts the Co-WIN simulator on",
                "127.0.0.1, runs a simulated day of sweeps of one state (simulated clock, 15-minute",
                "cadence, budget = the simulator's limit), normalizes them and prints slot coverage",
                "by district and age group, and writes a report pack. With --samples, the real 2021-2022 Co-WIN responses",
                "bundled in the jar instead."})
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLES_SWEEP = "samples-2021-2022";
    private static final String SAMPLES = "/org/vaxslots/samples/cowin/";
    private static final String COVERAGE_SQL = "/notebooks-sql/explore/00_coverage_by_district.sql";

    @Mixin
    CommonOptions common;

    @Option(names = "--samples", description = "Import and normalize the bundled real samples instead of simulating.")
    boolean samples;

    @Option(names = "--state", defaultValue = "17", description = "State to sweep (default ${DEFAULT-VALUE}: Kerala, 14 districts).")
    int state;

    @Option(names = "--day", defaultValue = "2021-05-24", description = "Simulated day, India time (default ${DEFAULT-VALUE}).")
    LocalDate day;

    @Option(names = "--every", defaultValue = "15m", description = "Simulated time between sweeps (default ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--sweeps", defaultValue = "96", description = "Sweeps to run (default ${DEFAULT-VALUE}: one day at 15 minutes).")
    int sweeps;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        DataRoot root = common.root();
        if (samples) {
            importSamples(root);
        } else {
            simulateDay(root);
        }
        System.out.println("2/4 normalize: raw/ -> " + root.tables());
        NormalizeJob.Summary summary = NormalizeCommand.run(common, false, List.of());
        System.out.println("    " + NormalizeCommand.summary(summary));
        System.out.println("3/4 coverage by district and age group, first rows (" + COVERAGE_SQL.substring(1) + "):");
        try (DuckDb db = DuckDb.open(root); Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery(resource(COVERAGE_SQL))) {
            ResultPrinter.print(rs, System.out, 12);
        }
        System.out.println("4/4 report pack:");
        ReportJob.Result pack = ReportJob.run(root, new ReportJob.Request(null, null, "demo", null));
        System.out.println("    " + ReportCommand.summary(pack));
        System.out.println();
        System.out.println("Raw archive: " + root.raw());
        System.out.println("Tables:      " + root.tables() + "  (query: scripts/vaxslots sql -c 'SELECT ...')");
        System.out.println("Report pack: " + pack.pack() + "  (open its index.html in a browser, or start with its README.md)");
        return 0;
    }

    private void simulateDay(DataRoot root) throws Exception {
        Duration step = Durations.parse(every);
        Instant start = day.atStartOfDay(SimClock.IST).toInstant();
        RateLimit limit = RateLimit.parse("2000/10s");
        // The simulator has no lock-out: once throttled, waiting one window is enough.
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), limit.window(),
                limit.window().multipliedBy(4));
        SimulatorConfig config = SimulatorConfig.defaults().withPort(0).withSeed(seed).withStart(start).withSpeed(0)
                .withRateLimit(limit);
        System.out.println("1/4 snapshot: " + sweeps + " sweeps of state " + state + " on " + day + ", every " + every
                + " of simulated time, from the simulator (budget " + limit + " = its limit)");
        try (SimulatorServer sim = SimulatorServer.start(config)) {
            long captured = 0;
            long districts = 0;
            for (int i = 0; i < sweeps; i++) {
                Instant at = sim.clock().now();
                SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(),
                                SweepIds.of("demo", at), day).withBudget(limit).withScope(List.of(state), List.of())
                        .withRetry(retry);
                SnapshotJob.Result r = SnapshotJob.run(root, request, Progress.silent());
                captured += r.captured();
                districts += r.districtOutcomes().size();
                if ((i + 1) % 12 == 0 || i + 1 == sweeps) {
                    System.out.println("    " + (i + 1) + "/" + sweeps + " sweeps, simulated time "
                            + OffsetDateTime.ofInstant(at, SimClock.IST).toLocalTime() + " IST, " + captured + "/"
                            + districts + " district fetches captured, " + sim.stats().throttled() + " throttled");
                }
                sim.clock().advance(step);
            }
        }
    }

    private static void importSamples(DataRoot root) throws Exception {
        System.out.println("1/4 import: bundled Co-WIN samples into " + root.rawSweep(SAMPLES_SWEEP));
        Path dir = root.demoSamples();
        AtomicFiles.deleteTree(dir);
        Files.createDirectories(dir);
        try {
            for (String name : resource(SAMPLES + "index.txt").split("\n")) {
                if (!name.isBlank()) {
                    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name.trim())) {
                        if (in == null) {
                            throw new IllegalStateException("bundled sample " + name + " is missing: rebuild the jar");
                        }
                        Files.copy(in, dir.resolve(name.trim()));
                    }
                }
            }
            ImportJob.Result imported = ImportJob.run(root, new ImportJob.Request(SAMPLES_SWEEP, null, null, Map.of(),
                    List.of(dir)), Instant.now(), line -> { });
            System.out.println("    " + imported.imported() + " file(s) archived, " + imported.skipped() + " already there");
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath: rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
