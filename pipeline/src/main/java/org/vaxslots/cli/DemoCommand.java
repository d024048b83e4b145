package org.vaxslots.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.raw.ImportJob;
import org.vaxslots.sql.DuckDb;
import org.vaxslots.sql.ResultPrinter;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole pipeline on data shipped in the jar: imports the real 2021-2022 Co-WIN",
                "responses bundled with vaxslots into raw/ (sweep 'samples-2021-2022'), normalizes",
                "them into tables/, and prints slot coverage by district and age group."})
final class DemoCommand implements Callable<Integer> {
    static final String SWEEP_ID = "samples-2021-2022";
    private static final String SAMPLES = "/org/vaxslots/samples/cowin/";
    private static final String COVERAGE_SQL = "/notebooks-sql/explore/00_coverage_by_district.sql";

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        DataRoot root = common.root();
        System.out.println("1/3 import: bundled Co-WIN samples into " + root.rawSweep(SWEEP_ID));
        Path samples = extractSamples(root);
        try {
            ImportJob.Result imported = ImportJob.run(root, new ImportJob.Request(SWEEP_ID, null, null, Map.of(),
                    List.of(samples)), Instant.now(), line -> { });
            System.out.println("    " + imported.imported() + " file(s) archived, " + imported.skipped()
                    + " already there");
        } finally {
            AtomicFiles.deleteTree(samples);
        }
        System.out.println("2/3 normalize: raw/ -> " + root.tables());
        NormalizeJob.Summary summary = NormalizeCommand.run(common, false, List.of());
        System.out.println("    " + NormalizeCommand.summary(summary));
        System.out.println("3/3 coverage by district and age group (" + COVERAGE_SQL.substring(1) + "):");
        try (DuckDb db = DuckDb.open(root); Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery(resource(COVERAGE_SQL))) {
            ResultPrinter.print(rs, System.out, 40);
        }
        System.out.println();
        System.out.println("Raw archive: " + root.raw());
        System.out.println("Tables:      " + root.tables() + "  (query: scripts/vaxslots sql -c 'SELECT ...')");
        return 0;
    }

    private static Path extractSamples(DataRoot root) throws IOException {
        Path dir = root.tmp().resolve("demo-samples");
        AtomicFiles.deleteTree(dir);
        Files.createDirectories(dir);
        for (String name : resource(SAMPLES + "index.txt").split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name.trim())) {
                if (in == null) {
                    throw new IllegalStateException("bundled sample " + name + " is missing: rebuild the jar");
                }
                Files.copy(in, dir.resolve(name.trim()));
            }
        }
        return dir;
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
