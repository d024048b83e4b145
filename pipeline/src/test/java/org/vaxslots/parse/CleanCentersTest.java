package org.vaxslots.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.testing.Mutations;
import org.vaxslots.testing.Samples;

/**
 * The clean-calendar reading gives exactly what the general reading gives, or declines: on the
 * real samples, on simulated calendar answers of every era, on every single-field edit of a
 * clean answer, and on seeded byte mutations of all of them. It must also read the common case
 * itself, or it would only cost time.
 */
class CleanCentersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResponseParser PARSER = ResponseParser.withBundledTables();
    private static final CleanCenters CLEAN = new CleanCenters(ResponseParser.factory(false), AgeGroups.load(),
            DistrictDirectory.load());
    private static final FetchContext CONTEXT = new FetchContext("s1", "urn:uuid:f1", Endpoint.CALENDAR_BY_DISTRICT,
            null, 298, null, null, null, Instant.parse("2021-05-16T04:30:00Z"));
    private static final String CALENDAR = "/v2/appointment/sessions/public/calendarByDistrict";

    /** The clean reading, checked against the general one; null when it declined. */
    private static ParsedResponse compare(byte[] body, String what) {
        ParsedResponse clean = CLEAN.read(CONTEXT, body);
        ParsedResponse general = PARSER.parseTree(CONTEXT, body);
        if (clean != null) {
            assertEquals(general, clean, what);
        }
        return clean;
    }

    @Test
    void realSamples_readCleanlyOnlyAsTheGeneralReadingReadsThem() throws IOException {
        int clean = 0;
        for (String name : Samples.names()) {
            if (name.endsWith(".json") && compare(Samples.bytes(name), name) != null) {
                clean++;
            }
        }
        // The calendar samples of May 2021 on are clean; findBy rows, states and 2022's object slots are not.
        assertTrue(clean >= 4, clean + " real samples read clean");
    }

    @Test
    void simulatedCalendarsOfEveryEra_matchTheGeneralReading_andMostAreReadClean() throws Exception {
        Map<String, int[]> perDate = new TreeMap<>();
        List<byte[]> bodies = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String[][] days = {{"29-04-2021", "2021-04-29T06:30:00Z"}, {"01-05-2021", "2021-05-01T06:30:00Z"},
            {"04-05-2021", "2021-05-04T06:30:00Z"}, {"24-05-2021", "2021-05-24T06:30:00Z"},
            {"13-07-2021", "2021-07-13T06:30:00Z"}, {"30-03-2022", "2022-03-30T06:30:00Z"},
            {"28-04-2022", "2022-04-28T06:30:00Z"}};
        for (String[] day : days) {
            try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withSeed(5)
                    .withStart(Instant.parse(day[1])).withSpeed(0).withRateLimit(null))) {
                for (int district : new int[] {89, 97, 192, 294, 298, 395, 651}) {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + CALENDAR
                            + "?district_id=" + district + "&date=" + day[0])).timeout(Duration.ofSeconds(20))
                            .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/90.0").GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, r.statusCode());
                    bodies.add(r.body());
                    int[] counts = perDate.computeIfAbsent(day[0], d -> new int[2]);
                    counts[0]++;
                    if (compare(r.body(), day[0] + " district " + district) != null) {
                        counts[1]++;
                    }
                }
            }
        }
        // From 1 May 2021 (names, no fractions) to March 2022, every answer is clean; April 2021's
        // fractional capacities and 2022's object slots go the general way.
        for (String day : List.of("01-05-2021", "04-05-2021", "24-05-2021", "13-07-2021", "30-03-2022")) {
            assertEquals(perDate.get(day)[0], perDate.get(day)[1], "answers of " + day + " read clean: " + perDate);
        }
        assertEquals(0, perDate.get("28-04-2022")[1], "object slots are read the general way");
        // A quarter of the usual iterations: these bodies are whole districts, ~30 times a sample's size.
        SplittableRandom random = new SplittableRandom(Mutations.SEED);
        for (int i = 0; i < Mutations.ITERATIONS / 4; i++) {
            compare(Mutations.mutate(bodies.get(random.nextInt(bodies.size())), random), "mutation " + i
                    + " (seed " + Mutations.SEED + ")");
        }
    }

    /** One clean center with two sessions and vaccine fees: each edit below changes one thing of it. */
    private static ObjectNode cleanAnswer() throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"centers":[{"center_id":3001,"name":"PHC One","name_l":"","address":"Main Road","state_name":"Kerala",
                "district_name":"Kollam","block_name":"Anchal","pincode":691306,"lat":8.93,"long":76.9,
                "from":"09:00:00","to":"17:00:00","fee_type":"Paid",
                "vaccine_fees":[{"vaccine":"COVISHIELD","fee":"780"}],
                "sessions":[{"session_id":"a1","date":"16-05-2021","available_capacity":10,"min_age_limit":45,
                "vaccine":"COVISHIELD","slots":["09:00AM-11:00AM","11:00AM-01:00PM"],
                "available_capacity_dose1":6,"available_capacity_dose2":4},
                {"session_id":"a2","date":"17-05-2021","available_capacity":0,"min_age_limit":18,"max_age_limit":44,
                "allow_all_age":false,"vaccine":"COVAXIN","slots":["09:00AM-11:00AM","11:00AM-01:00PM"],
                "available_capacity_dose1":0,"available_capacity_dose2":0}]},
                {"center_id":3002,"name":"CHC Two","address":"","state_name":"Kerala","district_name":"Kollam",
                "block_name":"Anchal","pincode":691306,"lat":9,"long":77,"from":"10:00:00","to":"08:00:00",
                "fee_type":"Free","sessions":[]}]}""");
    }

    private static ObjectNode center(ObjectNode answer) {
        return (ObjectNode) answer.get("centers").get(0);
    }

    private static ObjectNode session(ObjectNode answer) {
        return (ObjectNode) center(answer).get("sessions").get(0);
    }

    private static byte[] bytes(JsonNode n) throws IOException {
        return JSON.writeValueAsBytes(n);
    }

    @Test
    void everySingleFieldEdit_readCleanOnlyAsTheGeneralReadingReadsIt() throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> values = List.of(f.nullNode(), f.textNode(""), f.textNode(" "), f.textNode("12"),
                f.textNode("x"), f.numberNode(0), f.numberNode(-3), f.numberNode(7), f.numberNode(2.5),
                f.numberNode(new java.math.BigDecimal("7.0")), f.numberNode(123456789012L),
                f.numberNode(new java.math.BigInteger("123456789012345678901234567890")), f.numberNode(200000),
                f.booleanNode(true), f.objectNode(), f.arrayNode(), f.arrayNode().add("09:00AM-11:00AM").add(1),
                f.objectNode().put("time", "09:00AM-11:00AM").put("seats", 3), f.textNode("31-02-2021"),
                f.textNode("2021-05-16"), f.textNode("5-6-2021"));
        int clean = 0;
        int edits = 0;
        for (boolean inSession : new boolean[] {false, true}) {
            ObjectNode template = inSession ? session(cleanAnswer()) : center(cleanAnswer());
            List<String> fields = new ArrayList<>();
            template.fieldNames().forEachRemaining(fields::add);
            fields.add("session_type");
            fields.add("max_age_limit");
            fields.add("allow_all_age");
            for (String field : fields) {
                List<Consumer<ObjectNode>> changes = new ArrayList<>();
                changes.add(o -> o.remove(field));
                for (JsonNode v : values) {
                    changes.add(o -> o.set(field, v.deepCopy()));
                }
                for (Consumer<ObjectNode> change : changes) {
                    ObjectNode answer = cleanAnswer();
                    change.accept(inSession ? session(answer) : center(answer));
                    edits++;
                    if (compare(bytes(answer), (inSession ? "session." : "center.") + field + " edited: " + answer) != null) {
                        clean++;
                    }
                }
            }
        }
        assertTrue(clean > 40 && clean < edits, clean + " of " + edits + " edits read clean");
    }

    @Test
    void missingExpectedFields_areRecordedInTheGeneralReadingsOrder() throws IOException {
        ObjectNode answer = cleanAnswer();
        center(answer).remove(List.of("to", "pincode", "address"));
        session(answer).remove(List.of("slots", "available_capacity_dose1"));
        ParsedResponse r = compare(bytes(answer), "fields removed");
        assertNotNull(r, "an answer missing expected fields is still clean");
        assertEquals(List.of(
                new SchemaObservation("centers[].address", SchemaObservation.MISSING_FIELD, "", 1),
                new SchemaObservation("centers[].pincode", SchemaObservation.MISSING_FIELD, "", 1),
                new SchemaObservation("centers[].to", SchemaObservation.MISSING_FIELD, "", 1),
                new SchemaObservation("centers[].sessions[].available_capacity_dose1", SchemaObservation.MISSING_FIELD, "", 1),
                new SchemaObservation("centers[].sessions[].slots", SchemaObservation.MISSING_FIELD, "", 1)),
                r.observations());
        assertEquals("780", r.sessions().get(0).fee());
        assertEquals(List.of(), r.sessions().get(0).slots());
    }

    @Test
    void keysSentTwiceRepeatedIdsAndOtherShapes_goTheGeneralWay() throws IOException {
        String clean = JSON.writeValueAsString(cleanAnswer());
        assertNotNull(compare(clean.getBytes(StandardCharsets.UTF_8), "clean"));
        assertNotNull(compare("{\"centers\":[]}".getBytes(StandardCharsets.UTF_8), "no centers"));
        for (String edited : List.of(
                clean.replaceFirst("\"vaccine\":\"COVISHIELD\",\"slots\"", "\"vaccine\":\"COVISHIELD\",\"vaccine\":\"COVAXIN\",\"slots\""),
                clean.replaceFirst("\"center_id\":3001,", "\"center_id\":3001,\"center_id\":3001,"),
                clean.replaceFirst("\"fee\":\"780\"", "\"fee\":\"780\",\"fee\":\"1\""),
                clean.replaceFirst("\"name_l\":\"\"", "\"name_l\":\"\",\"name_l\":\"x\""),
                clean.replaceFirst("\"center_id\":3002", "\"center_id\":3001"),
                clean.replaceFirst("\"session_id\":\"a2\"", "\"session_id\":\"a1\""),
                clean.replaceFirst("\\{\"centers\":", "{\"ttl\":5,\"centers\":"),
                clean.replaceFirst("]}$", "],\"ttl\":5}"),
                clean + " x",
                clean.substring(0, clean.length() - 1),
                "[]",
                "{\"sessions\":[]}")) {
            assertNull(CLEAN.read(CONTEXT, edited.getBytes(StandardCharsets.UTF_8)), edited);
            compare(edited.getBytes(StandardCharsets.UTF_8), edited);
        }
        ArrayNode bare = (ArrayNode) cleanAnswer().get("centers");
        assertNotNull(compare(bytes(bare), "a bare array of centers"));
        assertEquals(ParsedResponse.Shape.CENTERS, CLEAN.read(CONTEXT, bytes(bare)).shape());
    }

    @Test
    void parse_usesTheCleanReadingAndTheGeneralOneAlike() throws IOException {
        for (String name : Samples.names()) {
            byte[] body = Samples.bytes(name);
            if (name.endsWith(".json")) {
                assertEquals(PARSER.parseTree(CONTEXT, body), PARSER.parse(CONTEXT, body), name);
            }
        }
    }
}
