package org.vaxslots.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.vaxslots.raw.ArchivedResponse;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.Samples;

/**
 * Another crawler's WARC, written here with jwarc as {@code wget --warc-file} writes one (request
 * before response) and as Heritrix does (response first): its Co-WIN captures are copied with their
 * own request, headers and dates; everything else is counted and left out; personal data is refused
 * record by record.
 */
class ForeignWarcTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String API = "https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict";
    private static final String ROHTAK = "calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json";
    private static final String GHAZIABAD = "calendarByDistrict_651-Ghaziabad_2021-05-24_ShashankGupta28.json";
    private static final Instant ROHTAK_AT = Instant.parse("2021-05-04T10:00:00Z");
    private static final Instant GHAZIABAD_AT = Instant.parse("2021-05-24T08:30:00Z");
    /** Made up: no real person. */
    private static final String BENEFICIARIES = "{\"beneficiaries\":[{\"beneficiary_reference_id\":\"12345678901234\","
            + "\"name\":\"Test Person\",\"birth_year\":\"1980\",\"mobile_number\":\"9999999999\"}]}";

    @TempDir
    Path dir;

    private static byte[] response(Instant date, byte[] body) {
        String head = "HTTP/1.1 200 OK\r\nDate: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(date.atZone(java.time.ZoneOffset.UTC)) + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] request(URI target, String... headers) {
        StringBuilder s = new StringBuilder("GET " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + " HTTP/1.1\r\nHost: " + target.getHost() + "\r\nUser-Agent: Wget/1.21.2\r\nAccept: */*\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes one exchange; {@code heritrix} puts the response first, as Heritrix does. */
    private static void exchange(WarcWriter w, URI target, Instant at, byte[] body, boolean heritrix, String... headers)
            throws IOException {
        WarcResponse resp = new WarcResponse.Builder(target).date(at).body(MediaType.HTTP_RESPONSE, response(at, body)).build();
        WarcRequest.Builder req = new WarcRequest.Builder(target).date(at).body(MediaType.HTTP_REQUEST, request(target, headers));
        if (heritrix) {
            w.write(resp);
            w.write(req.concurrentTo(resp.id()).build());
        } else {
            WarcRequest built = req.build();
            WarcResponse linked = new WarcResponse.Builder(target).date(at).body(MediaType.HTTP_RESPONSE, response(at, body))
                    .concurrentTo(built.id()).build();
            w.write(built);
            w.write(linked);
        }
    }

    private Path wgetWarc() throws IOException {
        Path warc = dir.resolve("crawl.warc.gz");
        try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            w.write(new Warcinfo.Builder().date(ROHTAK_AT).filename("crawl.warc.gz")
                    .fields(Map.of("software", List.of("Wget/1.21.2"))).build());
            exchange(w, URI.create(API + "?district_id=192&date=04-05-2021"), ROHTAK_AT, Samples.bytes(ROHTAK), false);
            exchange(w, URI.create(API + "?district_id=651&date=24-05-2021"), GHAZIABAD_AT, Samples.bytes(GHAZIABAD), true);
            exchange(w, URI.create("https://example.org/news"), GHAZIABAD_AT, "<html>news</html>".getBytes(StandardCharsets.UTF_8), false);
            w.write(new WarcMetadata.Builder().date(GHAZIABAD_AT).body(MediaType.PLAIN_TEXT,
                    "wget log".getBytes(StandardCharsets.UTF_8)).build());
        }
        return warc;
    }

    private static long sessionsIn(String... samples) throws IOException {
        long n = 0;
        for (String s : samples) {
            JsonNode top = new ObjectMapper().readTree(Samples.bytes(s));
            for (JsonNode center : top.isArray() ? top : top.get("centers")) {
                n += center.get("sessions").size();
            }
        }
        return n;
    }

    private ImportJob.Result importWarc(DataRoot root, Path warc) throws IOException {
        return ImportJob.run(root, new ImportJob.Request("wget", null, null, Map.of(), List.of(warc)), NOW, w -> { });
    }

    @Test
    void import_wgetAndHeritrixOrder_coWinResponsesCopiedWithTheirRequestsAndTheRestCounted() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path warc = wgetWarc();

        ImportJob.Result r = importWarc(root, warc);

        assertEquals(2, r.imported());
        assertEquals(new TreeMap<>(Map.of("metadata record", 1, "request record without a Co-WIN response", 1,
                "response from another site", 1, "warcinfo record", 1)), r.leftOut());
        List<WarcRecord> copied = new ArrayList<>();
        try (WarcReader reader = new WarcReader(r.warcFile())) {
            reader.forEach(copied::add);
        }
        assertEquals(List.of("warcinfo", "response", "request", "response", "request"), copied.stream().map(WarcRecord::type).toList());
        assertEquals(((WarcTargetRecord) copied.get(1)).id(), ((WarcRequest) copied.get(2)).concurrentTo().get(0));
        List<ArchivedResponse> read = new ArrayList<>();
        WarcArchiveReader.read(r.warcFile(), "raw", read::add, d -> { throw new AssertionError(d); });
        assertEquals(List.of(URI.create(API + "?district_id=192&date=04-05-2021"), URI.create(API + "?district_id=651&date=24-05-2021")),
                read.stream().map(ArchivedResponse::targetUri).toList());
        assertEquals(List.of(ROHTAK_AT, GHAZIABAD_AT), read.stream().map(ArchivedResponse::warcDate).toList());
        assertEquals("Tue, 4 May 2021 10:00:00 GMT", read.get(0).serverDate());
        assertArrayEquals(Samples.bytes(ROHTAK), read.get(0).body());
        assertArrayEquals(Samples.bytes(GHAZIABAD), read.get(1).body());
    }

    @Test
    void normalize_importedWarc_givesEverySessionWithTheServersDates() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        importWarc(root, wgetWarc());

        Cli.Run normalized = Cli.run("normalize", "--data-root", root.root().toString());

        assertEquals(0, normalized.exit(), normalized.err());
        assertEquals(List.of(List.of(192, 200, "server", "ok", "crawl.warc.gz"), List.of(651, 200, "server", "ok", "crawl.warc.gz")),
                Duck.rows("SELECT district_id, http_status, as_of_source, outcome, source_file FROM "
                        + Duck.table(root.root(), "fetches") + " ORDER BY district_id"));
        assertEquals(sessionsIn(ROHTAK, GHAZIABAD), Duck.count("SELECT count(*) FROM " + Duck.table(root.root(), "sessions")));
    }

    @Test
    void import_sameWarcTwice_secondArchivesNothing() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path warc = wgetWarc();

        importWarc(root, warc);
        ImportJob.Result again = importWarc(root, warc);

        assertEquals(0, again.imported());
        assertEquals(2, again.skipped());
        assertEquals(1, RawFiles.list(root, "wget").size());
    }

    @Test
    void import_truncatedWarc_keepsTheWholeRecordsBeforeTheCutAndCountsTheRest() throws Exception {
        Path whole = wgetWarc();
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.warc");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte[] plain = in.readAllBytes();
            int secondResponse = new String(plain, StandardCharsets.ISO_8859_1).indexOf("district_id=651");
            Files.write(cut, java.util.Arrays.copyOf(plain, secondResponse + 200));
        }
        DataRoot root = new DataRoot(dir.resolve("data"));

        ImportJob.Result r = importWarc(root, cut);

        assertEquals(1, r.imported());
        assertEquals(1, r.leftOut().get("unreadable rest of a damaged WARC file"));
    }

    private Path warcWithPersonalData() throws IOException {
        Path warc = dir.resolve("bot.warc");
        try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.NONE)) {
            exchange(w, URI.create(API + "?district_id=192&date=04-05-2021"), ROHTAK_AT, Samples.bytes(ROHTAK), false);
            exchange(w, URI.create(API + "?district_id=651&date=24-05-2021"), GHAZIABAD_AT, Samples.bytes(GHAZIABAD), false,
                    "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl");
            exchange(w, URI.create("https://cdn-api.co-vin.in/api/v2/appointment/beneficiaries"), GHAZIABAD_AT,
                    BENEFICIARIES.getBytes(StandardCharsets.UTF_8), false);
        }
        return warc;
    }

    @Test
    void import_warcWithPersonalRecords_refusedWholeRunUnlessSkipPersonal() throws Exception {
        Path warc = warcWithPersonalData();
        Path root = dir.resolve("data");

        Cli.Run refused = Cli.run("import", "--data-root", root.toString(), "--sweep-id", "bot", warc.toString());
        boolean sweepAfterRefusal = Files.exists(new DataRoot(root).rawSweep("bot"));
        Cli.Run skipping = Cli.run("import", "--data-root", root.toString(), "--sweep-id", "bot", "--skip-personal", warc.toString());

        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("vaxslots: error: refused bot.warc record urn:uuid:"), refused.err());
        assertTrue(refused.err().contains("nothing was archived. Remove it from the input, or pass --skip-personal"), refused.err());
        assertFalse(sweepAfterRefusal);
        assertEquals(0, skipping.exit(), skipping.err());
        assertTrue(skipping.out().startsWith("imported 1 capture(s) into sweep bot"), skipping.out());
        assertTrue(skipping.out().contains("\n  refused, personal data or a non-public endpoint: 2 ("), skipping.out());
        for (String run : List.of(refused.out(), refused.err(), skipping.out(), skipping.err())) {
            assertFalse(run.contains("9999999999") || run.contains("Test Person") || run.contains("eyJhbGci"), run);
        }
        List<ArchivedResponse> kept = new ArrayList<>();
        for (Path f : RawFiles.list(new DataRoot(root), "bot")) {
            WarcArchiveReader.read(f, "raw", kept::add, d -> { });
        }
        assertEquals(List.of(URI.create(API + "?district_id=192&date=04-05-2021")), kept.stream().map(ArchivedResponse::targetUri).toList());
    }

    @Test
    void import_warcResponseSettingACookieOrRequestWithAPersonalBody_onlyThoseRecordsRefused() throws Exception {
        Path warc = dir.resolve("headers.warc.gz");
        URI kept = URI.create(API + "?district_id=192&date=04-05-2021");
        URI cookie = URI.create(API + "?district_id=651&date=24-05-2021");
        URI posted = URI.create(API + "?district_id=434&date=24-05-2021");
        try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            exchange(w, kept, ROHTAK_AT, Samples.bytes(ROHTAK), false);
            String withCookie = new String(response(GHAZIABAD_AT, Samples.bytes(GHAZIABAD)), StandardCharsets.ISO_8859_1)
                    .replaceFirst("\r\n", "\r\nSet-Cookie: session=abc123; Path=/\r\n");
            WarcRequest req = new WarcRequest.Builder(cookie).date(GHAZIABAD_AT).body(MediaType.HTTP_REQUEST, request(cookie)).build();
            w.write(req);
            w.write(new WarcResponse.Builder(cookie).date(GHAZIABAD_AT).concurrentTo(req.id())
                    .body(MediaType.HTTP_RESPONSE, withCookie.getBytes(StandardCharsets.ISO_8859_1)).build());
            byte[] post = (new String(request(posted), StandardCharsets.US_ASCII).replaceFirst("^GET", "POST")
                    + "{\"mobile\":\"9999999999\"}").getBytes(StandardCharsets.US_ASCII);
            WarcRequest postReq = new WarcRequest.Builder(posted).date(GHAZIABAD_AT).body(MediaType.HTTP_REQUEST, post).build();
            w.write(postReq);
            w.write(new WarcResponse.Builder(posted).date(GHAZIABAD_AT).concurrentTo(postReq.id())
                    .body(MediaType.HTTP_RESPONSE, response(GHAZIABAD_AT, "{\"centers\":[]}".getBytes(StandardCharsets.UTF_8))).build());
        }
        Path root = dir.resolve("data");

        Cli.Run run = Cli.run("import", "--data-root", root.toString(), "--sweep-id", "hdr", "--skip-personal", warc.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\n  refused, personal data or a non-public endpoint: 2 ("), run.out());
        assertTrue(run.out().contains("credential header: 1"), run.out());
        assertFalse(run.out().contains("abc123") || run.err().contains("abc123") || run.out().contains("9999999999")
                || run.err().contains("9999999999"), run.out() + run.err());
        List<ArchivedResponse> archived = new ArrayList<>();
        for (Path f : RawFiles.list(new DataRoot(root), "hdr")) {
            WarcArchiveReader.read(f, "raw", archived::add, d -> { });
        }
        assertEquals(List.of(kept), archived.stream().map(ArchivedResponse::targetUri).toList());
    }
}
