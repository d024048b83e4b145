package org.vaxslots.ingest;

import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.WarcArchiveWriter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.vaxslots.audit.AuditJob;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Samples;
import org.vaxslots.raw.RawHeaders;

class ImportJobTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String ROHTAK = "calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json";
    private static final String SANGLI = "findByPin_pin416416-Sangli_2022-04-28_index-id-33459948277.json";

    @TempDir
    Path dir;

    private ImportJob.Result importFiles(String sweep, Instant asOf, List<Path> inputs, List<String> warnings) throws Exception {
        return ImportJob.run(new DataRoot(dir.resolve("data")),
                new ImportJob.Request(sweep, asOf, null, Map.of(), inputs), NOW, warnings::add);
    }

    @Test
    void import_sample_archivedAsExactBytesWithInferredRequest() throws Exception {
        Path samples = Samples.writeTo(dir.resolve("in"), List.of(ROHTAK, SANGLI));

        ImportJob.Result result = importFiles("s1", null, List.of(samples), new ArrayList<>());

        List<WarcRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(FileChannel.open(result.warcFile()))) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResource res) {
                    assertArrayEquals(Samples.bytes(res.headers().first(RawHeaders.SOURCE_FILE).orElseThrow()),
                            res.body().stream().readAllBytes());
                }
                records.add(r);
            }
        }
        assertEquals(List.of("warcinfo", "resource", "resource"), records.stream().map(WarcRecord::type).toList());
        WarcResource rohtak = (WarcResource) records.get(1);
        assertEquals("https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict?district_id=192&date=04-05-2021",
                rohtak.target());
        assertEquals("calendarByDistrict", rohtak.headers().first(RawHeaders.ENDPOINT).orElseThrow());
        assertEquals("import_time", rohtak.headers().first(RawHeaders.AS_OF_SOURCE).orElseThrow());
        assertEquals(Digests.sha256Hex(Samples.bytes(ROHTAK)), rohtak.headers().first(RawHeaders.SOURCE_SHA256).orElseThrow());
        assertEquals(rohtak.blockDigest().orElseThrow().hex(), Digests.sha256Hex(Samples.bytes(ROHTAK)));
        assertEquals("pincode=416416&date=28-04-2022", records.get(2).headers().first(RawHeaders.PARAMS).orElseThrow());
        assertEquals(2, result.imported());
    }

    @Test
    void import_sameBytesTwice_secondIsSkippedAndNothingOverwritten() throws Exception {
        Path samples = Samples.writeTo(dir.resolve("in"), List.of(ROHTAK));
        List<String> warnings = new ArrayList<>();

        ImportJob.Result first = importFiles("s1", NOW, List.of(samples), warnings);
        byte[] before = Files.readAllBytes(first.warcFile());
        ImportJob.Result second = importFiles("s1", NOW, List.of(samples), warnings);

        assertEquals(1, first.imported());
        assertEquals(0, second.imported());
        assertEquals(1, second.skipped());
        assertNull(second.warcFile());
        assertArrayEquals(before, Files.readAllBytes(first.warcFile()));
        assertEquals(List.of("skipped " + ROHTAK + ": the same request is already archived in sweep s1 with the same bytes"
                + " (request calendarByDistrict?date=04-05-2021&district_id=192); every other such file is counted in the"
                + " summary"), warnings);
    }

    @Test
    void import_missingFile_isAClearErrorAndWritesNothing() {
        DataRoot root = new DataRoot(dir.resolve("data"));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ImportJob.run(root,
                new ImportJob.Request("s1", NOW, null, Map.of(), List.of(dir.resolve("nope.json"))), NOW, w -> { }));

        assertEquals(dir.resolve("nope.json").toString(), e.getFile());
        assertEquals(false, Files.exists(root.raw()));
    }

    @Test
    void import_pathLikeSweepId_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> importFiles("../../etc", NOW, List.of(dir), new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> importFiles("a/b", NOW, List.of(dir), new ArrayList<>()));
    }

    @Test
    void infer_fileNamesOfEveryShape_giveEndpointAndParameters() {
        byte[] centers = "{\"centers\":[]}".getBytes();

        assertEquals(new RecordedFile(Endpoint.FIND_BY_DISTRICT, Map.of("district_id", "97", "date", "05-06-2021"),
                "endpoint and parameters from the file name"),
                RecordedFile.infer("findByDistrict_97-Patna_2021-06-05_index-id-40687229786.json", centers));
        assertEquals(Endpoint.STATES, RecordedFile.infer("states_2021-07-12_priyankagupta34.array.json", centers).endpoint());
        assertEquals(Map.of(), RecordedFile.infer("states_2021-07-12_priyankagupta34.array.json", centers).params());
        assertEquals(Endpoint.CALENDAR_BY_CENTER, RecordedFile.infer("dump.json", "{\"centers\": {\"center_id\":1}}".getBytes()).endpoint());
        assertEquals(Endpoint.UNKNOWN, RecordedFile.infer("dump.json", centers).endpoint());
    }

    /** Made up: no real person. */
    private static final String BENEFICIARIES = "{\"beneficiaries\":[{\"beneficiary_reference_id\":\"12345678901234\","
            + "\"name\":\"Test Person\",\"birth_year\":\"1980\",\"mobile_number\":\"9999999999\"}]}";
    private static final String GHAZIABAD = "calendarByDistrict_651-Ghaziabad_2021-05-24_ShashankGupta28.json";

    private static void assertNoPersonalValue(Cli.Run run) {
        for (String text : List.of(run.out(), run.err())) {
            assertFalse(text.contains("9999999999") || text.contains("Test Person") || text.contains("12345678901234"), text);
        }
    }

    @Test
    void import_personalFileAlone_exits1NamingItAndArchivesNothing() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("beneficiaries.json"), BENEFICIARIES);
        Path data = dir.resolve("data");

        Cli.Run refused = Cli.run("import", "--data-root", data.toString(), "--sweep-id", "bot", in.toString());
        boolean sweepAfterRefusal = Files.exists(new DataRoot(data).rawSweep("bot"));
        Cli.Run skipping = Cli.run("import", "--data-root", data.toString(), "--sweep-id", "bot", "--skip-personal", in.toString());

        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("vaxslots: error: refused beneficiaries.json: "), refused.err());
        assertTrue(refused.err().contains("nothing was archived"), refused.err());
        assertFalse(sweepAfterRefusal);
        assertEquals(0, skipping.exit(), skipping.err());
        assertTrue(skipping.out().startsWith("imported 0 capture(s) into sweep bot\n  refused, personal data or a non-public endpoint: 1 ("),
                skipping.out());
        assertEquals(List.of(), RawFiles.list(new DataRoot(data), "bot"));
        assertNoPersonalValue(refused);
        assertNoPersonalValue(skipping);
    }

    @Test
    void import_phoneNumberInAFileName_refusedWithoutPrintingIt_epochMillisNameKeptAndAuditClean() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("9999999999_calendarByDistrict_192.json"), Samples.bytes(ROHTAK));
        Files.write(in.resolve("1620108000000.json"), Samples.bytes(ROHTAK));
        Path data = dir.resolve("data");

        Cli.Run run = Cli.run("import", "--data-root", data.toString(), "--sweep-id", "named", "--skip-personal",
                "--endpoint", "calendarByDistrict", "--param", "district_id=192", in.toString());
        Cli.Run normalized = Cli.run("normalize", "--data-root", data.toString());
        AuditJob.Result audit = AuditJob.run(data);

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("imported 1 capture(s) into sweep named"), run.out());
        assertTrue(run.out().contains("refused, personal data or a non-public endpoint: 1 (phone number: 1)"), run.out());
        assertTrue(run.err().contains("refused <path:38>: phone number at file path"), run.err());
        assertNoPersonalValue(run);
        assertEquals(0, normalized.exit(), normalized.err());
        assertEquals(List.of(), audit.findings());
    }

    @Test
    void import_personalMemberOfAZip_refusedAloneWithSkipPersonal() throws Exception {
        Path zip = dir.resolve("bot.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("public/" + ROHTAK));
            out.write(Samples.bytes(ROHTAK));
            out.putNextEntry(new ZipEntry("private/beneficiaries.json"));
            out.write(BENEFICIARIES.getBytes(StandardCharsets.UTF_8));
        }
        Path data = dir.resolve("data");

        Cli.Run refused = Cli.run("import", "--data-root", data.toString(), "--sweep-id", "bot", zip.toString());
        boolean sweepAfterRefusal = Files.exists(new DataRoot(data).rawSweep("bot"));
        Cli.Run skipping = Cli.run("import", "--data-root", data.toString(), "--sweep-id", "bot", "--skip-personal", zip.toString());

        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("vaxslots: error: refused private/beneficiaries.json: "), refused.err());
        assertFalse(sweepAfterRefusal);
        assertEquals(0, skipping.exit(), skipping.err());
        assertTrue(skipping.out().startsWith("imported 1 capture(s) into sweep bot in 1 raw file(s): "), skipping.out());
        assertTrue(skipping.out().contains("\n  refused, personal data or a non-public endpoint: 1 ("), skipping.out());
        assertTrue(skipping.err().contains("vaxslots: warning: refused private/beneficiaries.json: "), skipping.err());
        List<String> kept = new ArrayList<>();
        for (Path f : RawFiles.list(new DataRoot(data), "bot")) {
            WarcArchiveReader.read(f, "raw", r -> kept.add(r.field(RawHeaders.SOURCE_FILE)), d -> { });
        }
        assertEquals(List.of("public/" + ROHTAK), kept);
        assertNoPersonalValue(refused);
        assertNoPersonalValue(skipping);
    }

    @Test
    void import_twoDistrictsWithTheSameEmptyBody_bothArchived() throws Exception {
        byte[] empty = "{\"centers\":[]}".getBytes(StandardCharsets.UTF_8);
        ImportInput members = ImportInput.of("memory", List.of(
                Member.file("calendarByDistrict_101_2021-05-04.json", empty),
                Member.file("calendarByDistrict_102_2021-05-04.json", empty)));
        List<String> warnings = new ArrayList<>();

        ImportJob.Result r = ImportJob.run(new DataRoot(dir.resolve("data")), request(1L << 30, List.of(members)), NOW, warnings::add);

        assertEquals(2, r.imported());
        assertEquals(0, r.skipped());
        assertEquals(List.of(), warnings);
    }

    @Test
    void import_sameRequestWithOtherBytes_bothKeptWithAWarning() throws Exception {
        ImportInput members = ImportInput.of("memory", List.of(
                Member.file("a/calendarByDistrict_101_2021-05-04.json", "{\"centers\":[]}".getBytes(StandardCharsets.UTF_8)),
                Member.file("b/calendarByDistrict_101_2021-05-04.json", Samples.bytes(ROHTAK))));
        List<String> warnings = new ArrayList<>();

        ImportJob.Result r = ImportJob.run(new DataRoot(dir.resolve("data")), request(1L << 30, List.of(members)), NOW, warnings::add);

        assertEquals(2, r.imported());
        assertEquals(List.of("b/calendarByDistrict_101_2021-05-04.json answers request calendarByDistrict?date=04-05-2021&district_id=101,"
                + " which sweep s1 already holds with other bytes: both are kept (import them into separate sweeps if they are"
                + " captures at different times)"), warnings);
    }

    @Test
    void import_pastTheSizeLimit_rollsOverToOneFilePerCaptureAllPublished() throws Exception {
        Path in = Samples.writeTo(dir.resolve("in"), List.of(ROHTAK, SANGLI, GHAZIABAD));
        DataRoot root = new DataRoot(dir.resolve("data"));

        ImportJob.Result r = ImportJob.run(root, request(1, List.of(ImportInput.of(in))), NOW, w -> { });

        assertEquals(3, r.warcFiles().size());
        assertEquals(r.warcFiles(), RawFiles.list(root, "s1"));
        for (Path f : r.warcFiles()) {
            assertEquals(1, resources(f));
        }
        assertEquals(List.of(".lock"), namesIn(root.rawSweep("s1")).stream().filter(n -> !n.endsWith(WarcArchiveWriter.SUFFIX)).toList());
    }

    /** Stands for a kill: an Error passes every catch of the job, so nothing is cleaned up, as after SIGKILL. */
    private static final class Killed extends Error {}

    @Test
    void import_killedAfterTwoCaptures_nextRunResumesAndArchivesEachOnce() throws Exception {
        Path in = Samples.writeTo(dir.resolve("in"), List.of(ROHTAK, SANGLI, GHAZIABAD));
        DataRoot root = new DataRoot(dir.resolve("data"));
        ImportInput dying = new ImportInput() {
            @Override
            public String label() {
                return "dying";
            }

            @Override
            public void read(Sink sink) throws IOException {
                int[] n = {0};
                ImportInput.of(in).read(new Sink() {
                    @Override
                    public void member(Member m) throws IOException {
                        if (n[0]++ == 2) {
                            throw new Killed();
                        }
                        sink.member(m);
                    }

                    @Override
                    public void leftOut(String kind) throws IOException {
                        sink.leftOut(kind);
                    }
                });
            }
        };

        assertThrows(Killed.class, () -> ImportJob.run(root, request(1, List.of(dying)), NOW, w -> { }));
        List<Path> visibleAfterKill = RawFiles.list(root, "s1");
        ImportJob.Result resumed = ImportJob.run(root, request(1, List.of(ImportInput.of(in))), NOW, w -> { });

        assertEquals(List.of(), visibleAfterKill);
        assertEquals(1, resumed.imported());
        assertEquals(2, resumed.skipped());
        assertEquals(2, resumed.resumed());
        assertEquals(3, resumed.warcFiles().size());
        int total = 0;
        for (Path f : RawFiles.list(root, "s1")) {
            total += resources(f);
        }
        assertEquals(3, total);
    }

    private static ImportJob.Request request(long maxFileBytes, List<ImportInput> inputs) {
        return new ImportJob.Request("s1", NOW, null, Map.of(), null, false, false, maxFileBytes, inputs);
    }

    private static int resources(Path warc) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            return (int) reader.records().filter(r -> r instanceof WarcResource).count();
        }
    }

    private static List<String> namesIn(Path d) throws IOException {
        try (Stream<Path> list = Files.list(d)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The hostile corpus (test resources hostile/, made up; see its README.md): every file must be refused. */
    private static final List<String> HOSTILE = List.of("beneficiaries.json", "generateMobileOTP_txnId.json",
            "validateMobileOtp_token.json", "appointment_schedule_confirmation.json", "appointment_schedule_appointment_id.json",
            "bot_people.json", "booking_bot_log.txt", "booking_bot_opaque_bearer_log.txt", "booking_bot_otp_log.txt",
            "calendarByDistrict_phoneInAddress.json", "certificate_download.pdf");

    private static byte[] hostile(String name) throws IOException {
        try (var in = ImportJobTest.class.getResourceAsStream("/hostile/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void import_everyHostileFilePlainInAZipAndInAWarc_isRefusedAndNothingArchived() throws Exception {
        for (String name : HOSTILE) {
            Path plain = Files.createDirectories(dir.resolve("plain-" + name)).resolve(name);
            Files.write(plain, hostile(name));
            Path zip = dir.resolve(name + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("dump/" + name));
                out.write(hostile(name));
            }
            Path warc = dir.resolve(name + ".warc.gz");
            try (org.netpreserve.jwarc.WarcWriter w = new org.netpreserve.jwarc.WarcWriter(FileChannel.open(warc,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE),
                    org.netpreserve.jwarc.WarcCompression.GZIP)) {
                byte[] body = hostile(name);
                byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] block = java.util.Arrays.copyOf(http, http.length + body.length);
                System.arraycopy(body, 0, block, http.length, body.length);
                w.write(new org.netpreserve.jwarc.WarcResponse.Builder(
                        "https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict?district_id=298&date=16-05-2021")
                        .date(NOW).body(org.netpreserve.jwarc.MediaType.HTTP_RESPONSE, block).build());
            }
            for (Path input : List.of(plain.getParent(), zip, warc)) {
                DataRoot root = new DataRoot(dir.resolve("data-" + input.getFileName()));

                ImportRefusedException e = assertThrows(ImportRefusedException.class, () -> ImportJob.run(root,
                        new ImportJob.Request("bot", NOW, null, Map.of(), List.of(input)), NOW, w -> { }), name + " in " + input);

                assertTrue(e.getMessage().startsWith("refused "), e.getMessage());
                assertFalse(Files.exists(root.rawSweep("bot")), name + " in " + input);
            }
        }
    }

    @Test
    void import_hostileCorpusBesideASampleWithSkipPersonal_archivesOnlyTheSample() throws Exception {
        Path in = Samples.writeTo(dir.resolve("in"), List.of(ROHTAK));
        for (String name : HOSTILE) {
            Files.write(in.resolve(name), hostile(name));
        }
        DataRoot root = new DataRoot(dir.resolve("data"));
        List<String> warnings = new ArrayList<>();

        ImportJob.Result r = ImportJob.run(root, new ImportJob.Request("bot", NOW, null, Map.of(), null, false, true,
                ImportJob.DEFAULT_MAX_FILE_BYTES, List.of(ImportInput.of(in))), NOW, warnings::add);

        assertEquals(1, r.imported());
        assertEquals(HOSTILE.size(), r.refusedCount());
        assertEquals(HOSTILE.size(), warnings.stream().filter(w -> w.startsWith("refused ")).count());
        List<String> kept = new ArrayList<>();
        WarcArchiveReader.read(r.warcFile(), "raw", x -> kept.add(x.field(RawHeaders.SOURCE_FILE)), d -> { });
        assertEquals(List.of(ROHTAK), kept);
    }

    @Test
    void import_unknownShapeWithoutPersonalData_isArchivedAsUnknownWithOneWarning() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.json"), "{\"meta\":{\"version\":2}}");
        Files.writeString(in.resolve("b.json"), "{\"meta\":{\"version\":3}}");
        List<String> warnings = new ArrayList<>();

        ImportJob.Result r = importFiles("s1", NOW, List.of(in), warnings);

        assertEquals(2, r.imported());
        assertEquals(List.of("2 file(s) of unknown endpoint, e.g. a.json (name it with --endpoint); archived as 'unknown'"), warnings);
    }
}
