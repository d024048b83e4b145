package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.DemoRoot;

/**
 * The demo's datapackage.json through an independent validator, the npm {@code datapackage}
 * package (Frictionless' JavaScript library), run with the machine's Node: the descriptor against
 * the Tabular Data Package profile, every row cast by its schema, keys unique, bytes and sha256.
 * Skipped, saying how to install them, where Node or the package is absent; {@code .ci/run}
 * installs both first, so CI always runs it.
 */
class DataPackageNodeValidationTest {
    /** Where .ci/run installs the package (relative to the pipeline module, Maven's working directory). */
    static final Path INSTALL = Path.of("target/datapackage-js");
    static final String SCRIPT = "/DataPackageNodeValidationTest/validate-datapackage.js";
    static final String HOW_TO = "to run it: install Node and npm (Debian: apt-get install nodejs npm), then"
            + " `npm install --prefix pipeline/target/datapackage-js datapackage@1.1.10`, as .ci/run does";

    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void findNodeAndPackage() throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("node", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "node -v failed; " + HOW_TO);
        } catch (IOException e) {
            Assumptions.abort("no node on PATH; " + HOW_TO);
        }
        Assumptions.assumeTrue(Files.isRegularFile(INSTALL.resolve("node_modules/datapackage/package.json")),
                "no npm datapackage package under pipeline/" + INSTALL + "; " + HOW_TO);
        script = dir.resolve("validate-datapackage.js");
        try (InputStream in = DataPackageNodeValidationTest.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script);
        }
    }

    record Run(int exit, List<String> lines) {}

    static Run validate(Path descriptor) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder("node", script.toString(), descriptor.toString()).redirectErrorStream(true);
        b.environment().put("NODE_PATH", INSTALL.resolve("node_modules").toAbsolutePath().toString());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("node validate-datapackage.js ran over 300 s on " + descriptor);
        }
        return new Run(p.exitValue(), out.lines().toList());
    }

    /** What the script prints for a valid pack: each resource's rows as the manifest counts them, then "valid". */
    static List<String> rowsLines(Path pack) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(pack.resolve("manifest.json").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(pack.resolve("datapackage.json").toFile()).get("resources")) {
            long rows = -1;
            for (JsonNode f : manifest.get("files")) {
                if (f.get("path").asText().equals(r.get("path").asText())) {
                    rows = f.has("rows") ? f.get("rows").asLong() : Files.readAllLines(pack.resolve(r.get("path").asText())).size() - 1;
                }
            }
            out.add(r.get("name").asText() + ": " + rows + " rows");
        }
        return out;
    }

    @Test
    void npmDatapackage_demoPack_validWithEveryRowCastByItsSchema() throws Exception {
        Path pack = DemoRoot.shared().reports().resolve(DemoRoot.RELEASE);
        List<String> expected = new ArrayList<>(rowsLines(pack));
        expected.add("valid");

        Run run = validate(pack.resolve("datapackage.json"));

        assertEquals(new Run(0, expected), run);
        assertEquals("district_daily_coverage: 196 rows", run.lines().get(0), "7 session days x 14 districts x 2 age groups");
    }

    @Test
    void npmDatapackage_repeatedKeyAndTextInAnIntegerColumn_refused() throws Exception {
        Path pack = dir.resolve("broken");
        DemoRoot.copyTree(DemoRoot.shared().reports().resolve(DemoRoot.RELEASE), pack);
        Path crawl = pack.resolve("crawl_coverage.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(crawl));
        lines.add(lines.get(1));
        String[] second = lines.get(2).split(",", -1);
        second[3] = "many";
        lines.set(2, String.join(",", second));
        Files.write(crawl, lines);
        JsonNode resource = new ObjectMapper().readTree(pack.resolve("datapackage.json").toFile()).get("resources").get(4);
        List<String> expected = new ArrayList<>(rowsLines(pack));
        expected.set(4, "crawl_coverage: 3 rows");
        expected.add("crawl_coverage: bytes " + resource.get("bytes").asLong() + " but the file has " + Files.size(crawl));
        expected.add("crawl_coverage: hash " + resource.get("hash").asText() + " but the file is sha256:" + PackFacts.sha256(crawl));
        expected.add("crawl_coverage: There are 1 type and format mismatch errors (see 'error.errors') (The value \"many\" in"
                + " column \"fetches_count\" is not type \"integer\" and format \"default\")");
        expected.add("crawl_coverage: Row 6 has an unique constraint violation in column \"sweep_id\"");

        Run run = validate(pack.resolve("datapackage.json"));

        assertEquals(new Run(1, expected), run);
    }
}
