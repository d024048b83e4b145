package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.cli.Main;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Duck;

/**
 * A hostile server on 127.0.0.1, swept by the real crawler and normalized by the real job: a gzip
 * bomb, a truncated gzip body, an empty body, JSON over the parser's cap (sent gzipped), binary
 * garbage, a redirect to another host, district ids that are paths, and one good district after
 * them all. The crawler archives every attempt and goes on; normalize turns each bad body into a
 * fetches row with outcome invalid_body and a rejects row saying why, and the good district lands.
 * The districts answer's path-like ids are rejects rows too; its numeric ones are listed_districts.
 */
class HostileSourceTest {
    private static final int BOMB = 101;
    private static final int TRUNCATED_GZIP = 102;
    private static final int EMPTY = 103;
    private static final int HUGE_JSON = 104;
    private static final int GARBAGE = 105;
    private static final int REDIRECT = 106;
    private static final int GOOD = 107;
    private static final String GOOD_BODY = "{\"centers\":[{\"center_id\":1234,\"name\":\"PHC One\",\"state_name\":\"Kerala\","
            + "\"district_name\":\"Ernakulam\",\"block_name\":\"B\",\"pincode\":682001,\"lat\":10,\"long\":76,\"from\":\"09:00:00\","
            + "\"to\":\"17:00:00\",\"fee_type\":\"Free\",\"sessions\":[{\"session_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
            + "\"date\":\"24-05-2021\",\"available_capacity\":5,\"min_age_limit\":45,\"vaccine\":\"COVISHIELD\","
            + "\"slots\":[\"09:00AM-11:00AM\"]}]}]}";
    private static final int TRIES = 2;

    @TempDir
    static Path dir;
    static HttpServer hostile;
    static HttpServer elsewhere;
    static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    static final AtomicInteger elsewhereHits = new AtomicInteger();
    static SnapshotJob.Result sweep;
    static DataRoot root;
    static int normalizeExit;

    @BeforeAll
    static void sweepAndNormalize() throws Exception {
        byte[] bomb = gzip(new byte[WarcArchiveReader.MAX_DECODED_BYTES + 1024 * 1024]);
        byte[] wholeGzip = gzip(GOOD_BODY.getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(wholeGzip, wholeGzip.length / 2);
        byte[] huge = gzip(("{\"centers\":[],\"pad\":\"" + "a".repeat(33 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] garbage = new byte[4096];
        new java.util.SplittableRandom(7).nextBytes(garbage);

        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", x -> {
            elsewhereHits.incrementAndGet();
            send(x, 200, null, GOOD_BODY.getBytes(StandardCharsets.UTF_8));
        });
        elsewhere.start();
        hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.createContext("/api/v2/admin/location/states", x -> send(x, 200, null,
                "{\"states\":[{\"state_id\":1,\"state_name\":\"Hostile\"}]}".getBytes(StandardCharsets.UTF_8)));
        hostile.createContext("/api/v2/admin/location/districts/1", x -> send(x, 200, null, ("{\"districts\":["
                + "{\"district_id\":\"../../etc/passwd\",\"district_name\":\"a\"},{\"district_id\":\"1/2\",\"district_name\":\"b\"},"
                + "{\"district_id\":" + BOMB + "},{\"district_id\":" + TRUNCATED_GZIP + "},{\"district_id\":" + EMPTY + "},"
                + "{\"district_id\":" + HUGE_JSON + "},{\"district_id\":" + GARBAGE + "},{\"district_id\":" + REDIRECT + "},"
                + "{\"district_id\":" + GOOD + "}]}").getBytes(StandardCharsets.UTF_8)));
        hostile.createContext("/api/v2/appointment/sessions/public/calendarByDistrict", x -> {
            String query = x.getRequestURI().getRawQuery();
            int district = Integer.parseInt(query.replaceAll(".*district_id=(\\d+).*", "$1"));
            hits.computeIfAbsent(Integer.toString(district), k -> new AtomicInteger()).incrementAndGet();
            switch (district) {
                case BOMB -> send(x, 200, "gzip", bomb);
                case TRUNCATED_GZIP -> send(x, 200, "gzip", truncated);
                case EMPTY -> send(x, 200, null, new byte[0]);
                case HUGE_JSON -> send(x, 200, "gzip", huge);
                case GARBAGE -> send(x, 200, null, garbage);
                case REDIRECT -> {
                    x.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                            + "/api/v2/appointment/sessions/public/calendarByDistrict?" + query);
                    send(x, 302, null, new byte[0]);
                }
                default -> send(x, 200, null, GOOD_BODY.getBytes(StandardCharsets.UTF_8));
            }
        });
        hostile.start();

        root = new DataRoot(dir.resolve("data"));
        RetryPolicy quick = new RetryPolicy(TRIES, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(10),
                Duration.ofMillis(20));
        SnapshotJob.Request request = SnapshotJob.Request.defaults("http://127.0.0.1:" + hostile.getAddress().getPort() + "/api",
                "hostile", LocalDate.of(2021, 5, 24)).withBudget(RateLimit.parse("1000/1s")).withScope(List.of(1), List.of())
                .withRetry(quick);
        sweep = new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, Progress.silent()).run();
        normalizeExit = Main.execute("normalize", "--data-root", root.root().toString());
    }

    @AfterAll
    static void stop() {
        hostile.stop(0);
        elsewhere.stop(0);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange x, int status, String encoding, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json");
        if (encoding != null) {
            x.getResponseHeaders().add("Content-Encoding", encoding);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }

    private static Map<Integer, List<Object>> fetchesByDistrict() throws Exception {
        Map<Integer, List<Object>> out = new TreeMap<>();
        for (List<Object> r : Duck.rows("SELECT district_id, list(outcome ORDER BY fetched_at), list(http_status ORDER BY fetched_at)"
                + " FROM " + Duck.table(root.root(), "fetches") + " WHERE endpoint = 'calendarByDistrict' GROUP BY ALL")) {
            out.put(((Number) r.get(0)).intValue(), List.of(r.get(1).toString(), r.get(2).toString()));
        }
        return out;
    }

    @Test
    void snapshot_hostileServer_everyAttemptMadeWithinTriesAndTheSweepGoesOn() {
        Map<Integer, FetchOutcome> outcomes = new TreeMap<>(Map.of(BOMB, FetchOutcome.INVALID_BODY,
                TRUNCATED_GZIP, FetchOutcome.INVALID_BODY, EMPTY, FetchOutcome.INVALID_BODY, HUGE_JSON, FetchOutcome.OK,
                GARBAGE, FetchOutcome.INVALID_BODY, REDIRECT, FetchOutcome.HTTP_ERROR, GOOD, FetchOutcome.OK));
        Map<String, Integer> requests = Map.of("101", TRIES, "102", TRIES, "103", TRIES, "104", 1, "105", TRIES,
                "106", 1, "107", 1);

        assertEquals(outcomes, sweep.districtOutcomes());
        assertEquals(new TreeMap<>(requests), new TreeMap<>(hits.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        assertEquals(13, sweep.calls(), "states + districts + 11 calendar attempts, and nothing else");
    }

    @Test
    void snapshot_redirectToAnotherHost_isNotFollowedAndTheLedgerRecordsThe302() throws Exception {
        assertEquals(0, elsewhereHits.get());
        assertEquals(List.of("[http_error]", "[302]"), fetchesByDistrict().get(REDIRECT));
    }

    @Test
    void snapshot_districtIdsThatArePaths_areNeverRequestedNorNamed() throws Exception {
        List<String> names;
        try (var walk = java.nio.file.Files.walk(dir)) {
            names = walk.map(p -> dir.relativize(p).toString()).filter(n -> n.contains("passwd") || List.of(n.split("/")).contains("etc")).toList();
        }

        assertEquals(List.of(), names);
        assertEquals(java.util.Set.of("101", "102", "103", "104", "105", "106", "107"), hits.keySet());
    }

    @Test
    void normalize_hostileBodies_oneFetchRowPerAttemptAndOneRejectEachWithItsReason() throws Exception {
        Map<Integer, List<Object>> expected = new TreeMap<>();
        expected.put(BOMB, List.of("[invalid_body, invalid_body]", "[200, 200]"));
        expected.put(TRUNCATED_GZIP, List.of("[invalid_body, invalid_body]", "[200, 200]"));
        expected.put(EMPTY, List.of("[invalid_body, invalid_body]", "[200, 200]"));
        expected.put(HUGE_JSON, List.of("[invalid_body]", "[200]"));
        expected.put(GARBAGE, List.of("[invalid_body, invalid_body]", "[200, 200]"));
        expected.put(REDIRECT, List.of("[http_error]", "[302]"));
        expected.put(GOOD, List.of("[ok]", "[200]"));
        String bomb = "body of " + (WarcArchiveReader.MAX_DECODED_BYTES + 1) + " bytes is over the cap of 33554432";
        String gzip = "body is not valid JSON: Illegal character ((CTRL-CHAR, code 31)): only regular white space"
                + " (\\r, \\n, \\t) is allowed between tokens at byte 1";

        assertEquals(0, normalizeExit);
        assertEquals(expected, fetchesByDistrict());
        assertEquals(List.of(
                List.of(BOMB, "$", bomb, 2L),
                List.of(TRUNCATED_GZIP, "$", gzip, 2L),
                List.of(EMPTY, "$", "empty body", 2L),
                List.of(HUGE_JSON, "$", "body of 34603031 bytes is over the cap of 33554432", 1L),
                List.of(GARBAGE, "$", "body is not valid JSON: Invalid UTF-8 middle byte 0xd at byte 2", 2L),
                Arrays.asList(null, "districts[0]", "districts[].district_id should be a whole number but is a string of 16"
                        + " characters", 1L),
                Arrays.asList(null, "districts[1]", "districts[].district_id should be a whole number but is a string of 3"
                        + " characters", 1L)),
                Duck.rows("SELECT f.district_id, r.record_path, r.reason, count(*) FROM " + Duck.table(root.root(), "rejects")
                        + " r JOIN " + Duck.table(root.root(), "fetches") + " f USING (fetch_id) GROUP BY ALL ORDER BY 1"));
        assertEquals(List.of(List.of(1L, 0L)), Duck.rows("SELECT (SELECT count(*) FROM " + Duck.table(root.root(), "sessions")
                + " WHERE center_id = 1234), (SELECT count(*) FROM " + Duck.table(root.root(), "rejects") + " WHERE fetch_id IS NULL)"),
                "the good district after them all lands, and no record was given up as damage");
        assertEquals(List.of(List.of(BOMB), List.of(TRUNCATED_GZIP), List.of(EMPTY), List.of(HUGE_JSON), List.of(GARBAGE),
                List.of(REDIRECT), List.of(GOOD)), Duck.rows("SELECT district_id FROM "
                + Duck.table(root.root(), "listed_districts") + " ORDER BY district_id"),
                "the districts answer's numeric ids are listed; the two path-like ones are rejects above");
    }
}
