package org.vaxslots.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.testing.Samples;

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
                + " (request calendarByDistrict?date=04-05-2021&district_id=192)"), warnings);
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
}
