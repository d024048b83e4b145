package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaxslots.testing.Samples;

/**
 * Per era, the generated response has the same keys, key orders and JSON types as the real
 * samples of that era (the real responses bundled in the jar, {@link Samples}). Every generated key order must occur in the
 * samples (the samples may show more variants than one district generates), and the key sets and
 * type sets must be equal.
 *
 * <p>Deliberate differences, also listed in BENCHMARK.md: the one calendar sample of the July
 * 2021 era has no paid center, but we keep paid centers (with the May 2021 vaccine_fees) in that
 * era, so that key is stripped before comparing; findBy* rows before 2022 use the June 2021 key
 * order (the only pre-2022 findBy sample); April 2021 capacities can be fractional although no
 * April response is bundled (the 29 April 2021 capture's facts are in cowin-api.md, quirk 13).
 */
class EraShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALENDAR = "/v2/appointment/sessions/public/calendarByDistrict";
    private static final String FIND = "/v2/appointment/sessions/public/findByDistrict";

    /**
     * Last two columns: a key we generate on purpose although the era's samples lack it (no paid
     * center in the July 2021 sample), and a JSON type we generate on purpose although the era's
     * samples lack it (April 2021's fractional capacities are known from the 29 April capture,
     * cowin-api.md quirk 13, of which no response is bundled; its nearest sample is BBMP's of 1 May,
     * the only one without {@code address}).
     */
    @ParameterizedTest(name = "{0} {2}?district_id={3}&date={4} vs {1}")
    @CsvSource({
            "APRIL,        calendarByPin_pin560032-BBMP_2021-05-01_index-id-18396872507.json,                      calendarByDistrict, 89,  29-04-2021, 2021-04-29T06:30:00Z, ,             available_capacity=float",
            "LAUNCH,       calendarByPin_pin560032-BBMP_2021-05-01_index-id-18396872507.json,                      calendarByDistrict, 294, 01-05-2021, 2021-05-01T06:30:00Z, , ",
            "PRE_SPLIT,    calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json;calendarByPin_pin110085-NorthWestDelhi_2021-05-06_tatticoder.json, calendarByDistrict, 192, 04-05-2021, 2021-05-04T06:30:00Z, , ",
            "DOSE_SPLIT,   calendarByDistrict_651-Ghaziabad_2021-05-24_ShashankGupta28.json;calendarByDistrict_393-Raigad_2021-05-21_haseeb-biya.centers-array.json;calendarByDistrict_298-Kollam_2021-05-16_h20170047.json;calendarByDistrict_638-Basti_2021-05-25_nijinaniyath.centers-array.json, calendarByDistrict, 651, 24-05-2021, 2021-05-24T06:30:00Z, , ",
            "DOSE_SPLIT,   findByDistrict_97-Patna_2021-06-05_index-id-40687229786.json,                           findByDistrict,     97,  05-06-2021, 2021-06-05T06:30:00Z, , ",
            "AGE_LIMITS,   calendarByPin_pin801503-Patna_2021-07-13_priyankagupta34.centers-array.json,            calendarByDistrict, 97,  13-07-2021, 2021-07-13T06:30:00Z, vaccine_fees, ",
            "TEENS,        findByPin_pin400055-Mumbai_2022-03-30_index-id-33459948277.json,                        findByDistrict,     395, 30-03-2022, 2022-03-30T06:30:00Z, , ",
            "OBJECT_SLOTS, findByPin_pin416416-Sangli_2022-04-28_index-id-33459948277.json,                        findByDistrict,     373, 28-04-2022, 2022-04-28T06:30:00Z, , ",
    })
    void shape_eraOfRequestedDate_matchesRealSamples(String era, String sampleFiles, String endpoint, int districtId,
                                                     String date, String now, String deliberatelyExtraKey,
                                                     String deliberatelyExtraType) throws IOException {
        List<JsonNode> sampleItems = new ArrayList<>();
        for (String f : sampleFiles.split(";")) {
            JsonNode root = JSON.readTree(Samples.bytes(f.trim()));
            JsonNode list = root.isArray() ? root : root.has("centers") ? root.get("centers") : root.get("sessions");
            list.forEach(sampleItems::add);
        }
        JsonNode generatedRoot;
        try (SimulatorServer server = SimulatorServer.start(SimulatorConfig.defaults().withSeed(7)
                .withStart(Instant.parse(now)).withSpeed(0).withRateLimit(null))) {
            byte[] body = new SimHttp(server).get("/v2/appointment/sessions/public/" + endpoint
                    + "?district_id=" + districtId + "&date=" + date).body();
            generatedRoot = JSON.readTree(body);
        }
        String listKey = endpoint.startsWith("calendar") ? "centers" : "sessions";
        assertEquals(Set.of(listKey), fieldNames(generatedRoot), "top-level keys");
        List<JsonNode> generatedItems = new ArrayList<>();
        generatedRoot.get(listKey).forEach(generatedItems::add);
        if (deliberatelyExtraKey != null) {
            generatedItems.replaceAll(i -> ((ObjectNode) i.deepCopy()).without(deliberatelyExtraKey));
        }
        assertTrue(generatedItems.size() >= 3, era + ": too few items to compare: " + generatedItems.size());

        assertSameShape(era + " items", JsonShape.of(sampleItems).withType(deliberatelyExtraType),
                JsonShape.of(generatedItems));
        if (listKey.equals("centers")) {
            assertSameShape(era + " sessions", JsonShape.of(nested(sampleItems, "sessions")).withType(deliberatelyExtraType),
                    JsonShape.of(nested(generatedItems, "sessions")));
        }
        List<JsonNode> sampleSlots = nested(sampleItems, "slots");
        List<JsonNode> generatedSlots = nested(listKey.equals("centers") ? nested(generatedItems, "sessions") : generatedItems, "slots");
        if (!sampleSlots.isEmpty() && sampleSlots.get(0).isObject()) {
            assertSameShape(era + " slots", JsonShape.of(sampleSlots), JsonShape.of(generatedSlots));
        }
    }

    /**
     * Every district id of the 29 April 2021 calendar at noon IST, seed 7, against the capture of that
     * day (cowin-api.md, quirk 13): no address, whole-degree lat/long, fee_type "" on 1.44% of centers
     * (capture ~1.5%), vaccine "" on 97.1% of sessions (~97%), 0.31% of sessions fractional (~0.3%,
     * e.g. 62.5, 0.7000000000000028), every one of them above 0; findByDistrict, which listed only
     * sessions with capacity then, lists those below one slot too.
     */
    @Test
    void quirks_april2021AllDistricts_haveTheSharesOfThe29AprilCapture() throws IOException {
        int centers = 0, blankFeeType = 0, withAddress = 0, wholeDegrees = 0;
        int sessions = 0, namedVaccine = 0, fractional = 0, fractionalNotAboveZero = 0, findRowsBelowOne = 0;
        try (SimulatorServer server = SimulatorServer.start(SimulatorConfig.defaults().withSeed(7)
                .withStart(Instant.parse("2021-04-29T06:30:00Z")).withSpeed(0).withRateLimit(null))) {
            SimHttp http = new SimHttp(server);
            for (int district = 1; district <= 796; district++) {
                String query = "?district_id=" + district + "&date=29-04-2021";
                for (JsonNode c : JSON.readTree(http.get(CALENDAR + query).body()).get("centers")) {
                    centers++;
                    blankFeeType += c.get("fee_type").textValue().isEmpty() ? 1 : 0;
                    withAddress += c.has("address") ? 1 : 0;
                    wholeDegrees += c.get("lat").isIntegralNumber() && c.get("long").isIntegralNumber() ? 1 : 0;
                    for (JsonNode session : c.get("sessions")) {
                        sessions++;
                        namedVaccine += session.get("vaccine").textValue().isEmpty() ? 0 : 1;
                        JsonNode capacity = session.get("available_capacity");
                        fractional += capacity.isIntegralNumber() ? 0 : 1;
                        fractionalNotAboveZero += !capacity.isIntegralNumber() && capacity.doubleValue() <= 0 ? 1 : 0;
                    }
                }
                for (JsonNode row : JSON.readTree(http.get(FIND + query).body()).get("sessions")) {
                    findRowsBelowOne += row.get("available_capacity").doubleValue() < 1 ? 1 : 0;
                }
            }
        }

        assertEquals(30824, centers);
        assertEquals(443, blankFeeType);
        assertEquals(0, withAddress);
        assertEquals(centers, wholeDegrees);
        assertEquals(41756, sessions);
        assertEquals(1216, namedVaccine);
        assertEquals(131, fractional);
        assertEquals(0, fractionalNotAboveZero);
        assertEquals(13, findRowsBelowOne);
    }

    private static void assertSameShape(String what, JsonShape sample, JsonShape generated) {
        assertEquals(sample.keys(), generated.keys(), what + ": key sets");
        assertEquals(sample.types(), generated.types(), what + ": JSON types per key");
        for (List<String> order : generated.keyOrders()) {
            assertTrue(sample.keyOrders().contains(order), what + ": key order " + order
                    + " not among the sample's " + sample.keyOrders());
        }
    }

    private static List<JsonNode> nested(List<JsonNode> items, String key) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode i : items) {
            if (i.has(key)) {
                i.get(key).forEach(out::add);
            }
        }
        return out;
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
