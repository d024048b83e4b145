package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v2/appointment/sessions/public/calendarByDistrict?district_id=651&date=24-05-2021";

    private static SimulatorServer serverWith(String faults) {
        return SimulatorServer.start(SimulatorConfig.defaults().withStart(Instant.parse("2021-05-24T03:30:00Z"))
                .withSpeed(0).withRateLimit(null).withFaults(Faults.parse(faults)));
    }

    @Test
    void parse_fullSpec_setsEveryKnob() {
        Faults f = Faults.parse("latency=0.1:50ms-200ms,http500=0.05,http502=0.01,http503=0.02,reset=0.01,"
                + "truncated=0.01,invalid_json=0.01,empty=0.02,drift=0.01");
        assertEquals(0.1, f.latencyRate());
        assertEquals(Duration.ofMillis(50), f.latencyMin());
        assertEquals(Duration.ofMillis(200), f.latencyMax());
        assertEquals(0.05, f.rate(Faults.Kind.HTTP500));
        assertEquals(0.02, f.rate(Faults.Kind.EMPTY));
        assertEquals(0.01, f.rate(Faults.Kind.DRIFT));
        assertEquals(Duration.ofMillis(50), Faults.parse("latency=1:50ms").latencyMax());
        assertTrue(Faults.parse("").isNone() && Faults.parse("none").isNone());
    }

    @Test
    void parse_badSpecs_failNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("http404=0.1")).getMessage().contains("http404"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("http500=1.5")).getMessage().contains("1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("latency=0.1")).getMessage().contains("latency=RATE:MIN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("http500=0.6,reset=0.6")).getMessage().contains("sum"));
    }

    @Test
    void http5xx_rateOne_answersThatStatusAndCounts() {
        for (int status : new int[] {500, 502, 503}) {
            try (SimulatorServer s = serverWith("http" + status + "=1")) {
                HttpResponse<byte[]> r = new SimHttp(s).get(PATH);
                assertEquals(status, r.statusCode());
                String body = new String(r.body(), StandardCharsets.ISO_8859_1);
                assertTrue(status == 500 ? body.equals("Internal Server Error") : body.contains(status + " ERROR"), body);
                assertEquals(1, s.stats().fault("http" + status));
            }
        }
    }

    @Test
    void reset_rateOne_abortsTheConnectionBeforeAnyByte() throws IOException {
        try (SimulatorServer s = serverWith("reset=1"); Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.getOutputStream().write(rawGet(PATH));
            InputStream in = socket.getInputStream();
            IOException e = assertThrows(IOException.class, () -> {
                if (in.read() == -1) {
                    throw new SocketException("closed without reset");
                }
            });
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
            assertEquals(1, s.stats().fault("reset"));
        }
    }

    @Test
    void truncated_rateOne_sendsHalfTheDeclaredBodyThenCloses() throws IOException {
        try (SimulatorServer s = serverWith("truncated=1"); Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.getOutputStream().write(rawGet(PATH));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = response.indexOf("\r\n\r\n");
            int declared = Integer.parseInt(response.substring(0, split).replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            int received = response.length() - split - 4;
            assertTrue(response.startsWith("HTTP/1.1 200 "));
            assertEquals(declared / 2, received);
            assertTrue(declared > 1000);
            assertEquals(1, s.stats().fault("truncated"));
        }
    }

    @Test
    void invalidJson_rateOne_is200WithUnparseableBody() {
        try (SimulatorServer s = serverWith("invalid_json=1")) {
            HttpResponse<byte[]> r = new SimHttp(s).get(PATH);
            assertEquals(200, r.statusCode());
            assertThrows(JsonProcessingException.class, () -> JSON.readTree(r.body()));
            assertEquals(1, s.stats().fault("invalid_json"));
        }
    }

    @Test
    void empty_rateOne_isEmptyListOfTheEndpoint() {
        try (SimulatorServer s = serverWith("empty=1")) {
            SimHttp http = new SimHttp(s);
            assertEquals("{\"centers\":[]}", new String(http.get(PATH).body(), StandardCharsets.UTF_8));
            assertEquals("{\"sessions\":[]}", new String(http.get(
                    "/v2/appointment/sessions/public/findByDistrict?district_id=651&date=24-05-2021").body(), StandardCharsets.UTF_8));
            assertEquals(2, s.stats().fault("empty"));
        }
    }

    @Test
    void drift_rateOne_addsDropsOrRetypesAFieldOnEveryCenter() throws IOException {
        try (SimulatorServer s = serverWith("drift=1")) {
            SimHttp http = new SimHttp(s);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                JsonNode centers = JSON.readTree(http.get(PATH).body()).get("centers");
                JsonNode c = centers.get(0);
                String kind = c.has(SchemaDrift.ADDED_FIELD) ? "added" : !c.has("pincode") ? "missing"
                        : c.get("pincode").isTextual() ? "retyped" : "none";
                for (JsonNode other : centers) {
                    assertEquals(kind, other.has(SchemaDrift.ADDED_FIELD) ? "added" : !other.has("pincode") ? "missing"
                            : other.get("pincode").isTextual() ? "retyped" : "none");
                }
                seen.add(kind);
            }
            assertTrue(seen.containsAll(List.of("added", "missing", "retyped")) && !seen.contains("none"), seen.toString());
            assertEquals(12, s.stats().fault("drift"));
            assertEquals(12, s.stats().fault("drift_added") + s.stats().fault("drift_missing") + s.stats().fault("drift_retyped"));
            assertEquals(seen.stream().filter("added"::equals).count(), s.stats().fault("drift_added"));
        }
    }

    @Test
    void latency_rateOne_delaysAnswerByAtLeastTheMinimum() {
        try (SimulatorServer s = serverWith("latency=1:150ms-200ms")) {
            long t0 = System.nanoTime();
            assertEquals(200, new SimHttp(s).get(PATH).statusCode());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= 150, millis + " ms");
            assertEquals(1, s.stats().fault("latency"));
        }
    }

    @Test
    void faults_sameSeed_hitTheSameRequestNumbersAndMatchTheRate() throws IOException {
        List<Integer> first = statuses("http500=0.3");
        assertEquals(first, statuses("http500=0.3"));
        long failures = first.stream().filter(x -> x == 500).count();
        assertTrue(failures > 20 && failures < 40, failures + " of 100");
        try (SimulatorServer s = serverWith("http500=0.3")) {
            SimHttp http = new SimHttp(s);
            for (int i = 0; i < 100; i++) {
                http.get("/v2/admin/location/states");
            }
            Map<?, ?> stats = JSON.readValue(http.getRoot("/__simulator/stats").body(), Map.class);
            assertEquals((int) failures, ((Map<?, ?>) stats.get("faults")).get("http500"));
        }
    }

    private static List<Integer> statuses(String faults) {
        List<Integer> out = new ArrayList<>();
        try (SimulatorServer s = serverWith(faults)) {
            SimHttp http = new SimHttp(s);
            for (int i = 0; i < 100; i++) {
                out.add(http.get("/v2/admin/location/states").statusCode());
            }
        }
        return out;
    }

    private static byte[] rawGet(String path) {
        return ("GET /api" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + SimHttp.BROWSER_UA
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
