package org.vaxslots.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.Samples;

/**
 * The layouts of issue 12 through the whole pipeline: a folder of bare {@code centers} arrays named
 * {@code Centers_<district_id>_<dd-mm-yyyy>.json} built from the bundled real samples, the same
 * files as a zip and as a tar.gz, imported with {@code --name-pattern}, normalized, read back with
 * DuckDB and checked against a plain Jackson walk of the files.
 */
class ArchivesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String AS_OF = "2021-04-29T18:24:00Z";
    private static final String PATTERN = "Centers_{district_id}_{date}.json";
    private static final byte[] NO_SLOTS = "[]".getBytes(StandardCharsets.UTF_8);
    /** Two districts that both answered "nothing": both must be kept. */
    private static final List<String> EMPTY_FILES = List.of("Centers_901_29-04-2021.json", "Centers_902_29-04-2021.json");
    private static final Pattern SAMPLE = Pattern.compile("calendarByDistrict_(\\d+)-[^_]*_(\\d{4}-\\d{2}-\\d{2})_.*");
    private static final int FILES = 8;
    /** Written into the first session of the first file: Co-WIN really sent capacities like this. */
    private static final double FRACTIONAL_CAPACITY = 62.5;

    @TempDir
    static Path dir;
    static Path folder;
    static long expectedSessions;

    @BeforeAll
    static void buildFolder() throws IOException {
        folder = Files.createDirectories(dir.resolve("apr29"));
        ObjectMapper json = new ObjectMapper();
        for (String name : Samples.availabilityNames()) {
            Matcher m = SAMPLE.matcher(name);
            if (!m.matches()) {
                continue;
            }
            JsonNode top = json.readTree(Samples.bytes(name));
            JsonNode centers = top.isArray() ? top : top.get("centers");
            if (expectedSessions == 0) {
                ((ObjectNode) centers.get(0).get("sessions").get(0)).put("available_capacity", FRACTIONAL_CAPACITY);
            }
            for (JsonNode center : centers) {
                expectedSessions += center.get("sessions").size();
            }
            String date = LocalDate.parse(m.group(2)).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
            Files.write(folder.resolve("Centers_" + m.group(1) + "_" + date + ".json"), json.writeValueAsBytes(centers));
        }
        for (String name : EMPTY_FILES) {
            Files.write(folder.resolve(name), NO_SLOTS);
        }
    }

    private static String[] importArgs(Path root, Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of("import", "--data-root", root.toString(), "--sweep-id", "apr29",
                "--as-of", AS_OF, "--endpoint", "calendarByDistrict", "--name-pattern", PATTERN));
        args.addAll(List.of(extra));
        args.add(input.toString());
        return args.toArray(String[]::new);
    }

    private static ImportJob.Result importAt(Path root, Path input) throws IOException {
        return ImportJob.run(new DataRoot(root), new ImportJob.Request("apr29", Instant.parse(AS_OF),
                Endpoint.CALENDAR_BY_DISTRICT, Map.of(), NamePattern.compile(PATTERN), false, false,
                ImportJob.DEFAULT_MAX_FILE_BYTES, List.of(ImportInput.of(input))), NOW, w -> { });
    }

    @Test
    void import_folderOfBareArraysByPattern_everySessionAndADistrictOnEveryFetch() throws Exception {
        Path root = dir.resolve("folder-root");

        Cli.Run imported = Cli.run(importArgs(root, folder));
        Cli.Run normalized = Cli.run("normalize", "--data-root", root.toString());

        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().startsWith("imported " + FILES + " capture(s) into sweep apr29 in 1 raw file(s): "),
                imported.out());
        assertEquals(0, normalized.exit(), normalized.err());
        String fetches = Duck.table(root, "fetches");
        assertEquals(expectedSessions, Duck.count("SELECT count(*) FROM " + Duck.table(root, "sessions")));
        assertEquals(FILES, Duck.count("SELECT count(*) FROM " + fetches));
        assertEquals(0, Duck.count("SELECT count(*) FROM " + fetches + " WHERE district_id IS NULL OR request_date IS NULL"));
        assertEquals(List.of(List.of(901, "empty", "Centers_901_29-04-2021.json"), List.of(902, "empty", "Centers_902_29-04-2021.json")),
                Duck.rows("SELECT district_id, outcome, source_file FROM " + fetches + " WHERE district_id > 900 ORDER BY 1"));
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.table(root, "rejects")));
        assertEquals(List.of(List.of(62, "{\"available_capacity\":62.5}")),
                Duck.rows("SELECT available_capacity, capacity_as_sent FROM " + Duck.table(root, "sessions")
                        + " WHERE is_capacity_rounded"));
    }

    @Test
    void import_sameFolderTwice_secondArchivesNothing() throws Exception {
        Path root = dir.resolve("rerun-root");

        ImportJob.Result first = importAt(root, folder);
        ImportJob.Result second = importAt(root, folder);

        assertEquals(FILES, first.imported());
        assertEquals(0, second.imported());
        assertEquals(FILES, second.skipped());
        assertEquals(List.of(), second.warcFiles());
        try (Stream<Path> raw = Files.list(first.warcFile().getParent())) {
            assertEquals(List.of(first.warcFile().getFileName().toString()),
                    raw.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".lock")).toList());
        }
    }

    @Test
    void import_zipAndTarGzOfTheSameFiles_sameRowsInEveryTableButTheRawColumns() throws Exception {
        Path zip = zip(dir.resolve("apr29.zip"));
        Path tgz = tarGz(dir.resolve("apr29.tar.gz"));
        Path zipRoot = dir.resolve("zip-root");
        Path tgzRoot = dir.resolve("tgz-root");
        Path folderRoot = dir.resolve("folder-rows-root");

        importAt(zipRoot, zip);
        importAt(tgzRoot, tgz);
        importAt(folderRoot, folder);
        for (Path root : List.of(zipRoot, tgzRoot, folderRoot)) {
            assertEquals(0, Cli.run("normalize", "--data-root", root.toString()).exit());
        }

        assertEquals(expectedSessions, Duck.count("SELECT count(*) FROM " + Duck.table(zipRoot, "sessions")));
        for (String table : List.of("fetches", "centers", "sessions", "rejects", "schema_events", "listed_districts")) {
            assertEquals(rows(zipRoot, table), rows(tgzRoot, table), table);
            assertEquals(rows(zipRoot, table), rows(folderRoot, table), table);
        }
    }

    @Test
    void import_jsonGz_isReadAsTheFileItHolds() throws Exception {
        Path gz = dir.resolve("Centers_901_29-04-2021.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(NO_SLOTS);
        }
        Path root = dir.resolve("gz-root");

        ImportJob.Result r = importAt(root, gz);
        Cli.Run normalized = Cli.run("normalize", "--data-root", root.toString());

        assertEquals(1, r.imported());
        assertEquals(0, normalized.exit());
        assertEquals(List.of(List.of(901, "empty", "Centers_901_29-04-2021.json")),
                Duck.rows("SELECT district_id, outcome, source_file FROM " + Duck.table(root, "fetches")));
    }

    @Test
    void import_unmatchedFile_isAnErrorNamingItUnlessSkipUnmatched() throws Exception {
        Path withReadme = Files.createDirectories(dir.resolve("with-readme"));
        Files.write(withReadme.resolve("Centers_5_29-04-2021.json"), NO_SLOTS);
        Files.writeString(withReadme.resolve("README.txt"), "captured by a cron job");
        Path root = dir.resolve("unmatched-root");

        Cli.Run refused = Cli.run(importArgs(root, withReadme));
        boolean sweepAfterRefusal = Files.exists(new DataRoot(root).rawSweep("apr29"));
        Cli.Run skipping = Cli.run(importArgs(root, withReadme, "--skip-unmatched"));

        assertEquals(1, refused.exit());
        assertEquals("vaxslots: error: README.txt does not match --name-pattern '" + PATTERN + "' (its file name is read);"
                + " nothing was archived. Fix the pattern, or pass --skip-unmatched to leave such files out",
                refused.err().lines().filter(l -> l.startsWith("vaxslots: error:")).findFirst().orElseThrow());
        assertFalse(sweepAfterRefusal);
        assertEquals(0, skipping.exit(), skipping.err());
        assertTrue(skipping.out().startsWith("imported 1 capture(s) into sweep apr29"), skipping.out());
        assertTrue(skipping.out().contains("\n  left out, not matching --name-pattern: 1"), skipping.out());
    }

    @Test
    void import_truncatedTarGz_isAnErrorNamingItAndArchivesNothing() throws Exception {
        Path whole = tarGz(dir.resolve("whole.tar.gz"));
        Path cut = dir.resolve("cut.tar.gz");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path root = dir.resolve("cut-root");

        Cli.Run r = Cli.run(importArgs(root, cut));

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("vaxslots: error: " + cut + " is damaged or not what its name says ("), r.err());
        assertTrue(r.err().contains("): repair it or leave it out of the input; nothing was archived"), r.err());
        assertFalse(Files.exists(new DataRoot(root).rawSweep("apr29")));
    }

    @Test
    void import_paramAlsoSetByThePattern_isAUsageError() {
        Cli.Run r = Cli.run(importArgs(dir.resolve("usage-root"), folder, "--param", "district_id=5"));

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("vaxslots: error: --param district_id and --name-pattern '" + PATTERN
                + "' both set district_id: give it once"), r.err());
    }

    /** Every row of a table as text in a stable order, without the columns that name the raw file and record. */
    private static List<List<Object>> rows(Path root, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        for (List<Object> c : Duck.rows("DESCRIBE SELECT * FROM " + Duck.table(root, table))) {
            String name = (String) c.get(0);
            if (!List.of("fetch_id", "first_fetch_id", "raw_file", "raw_offset", "source", "offset").contains(name)) {
                columns.add("CAST(\"" + name + "\" AS VARCHAR)");
            }
        }
        String list = String.join(", ", columns);
        return Duck.rows("SELECT " + list + " FROM " + Duck.table(root, table) + " ORDER BY ALL");
    }

    private static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Path zip(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Path tarGz(Path tgz) throws IOException {
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
            List<Map.Entry<String, byte[]>> reversed = new ArrayList<>(files().entrySet());
            java.util.Collections.reverse(reversed);
            for (Map.Entry<String, byte[]> f : reversed) {
                TarArchiveEntry e = new TarArchiveEntry("./" + f.getKey());
                e.setSize(f.getValue().length);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        }
        return tgz;
    }
}
