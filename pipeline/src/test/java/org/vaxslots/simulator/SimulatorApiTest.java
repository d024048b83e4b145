package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOON_24_MAY_2021_IST = Instant.parse("2021-05-24T06:30:00Z");
    private static SimulatorServer server;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorConfig.defaults().withStart(NOON_24_MAY_2021_IST).withSpeed(0)
                .withRateLimit(null));
        http = new SimHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void states_anyCall_lists37StatesWithTtl() throws IOException {
        JsonNode body = json(http.get("/v2/admin/location/states"));
        assertEquals(37, body.get("states").size());
        assertEquals(24, body.get("ttl").asInt());
        assertEquals("Andaman and Nicobar Islands", body.get("states").get(0).get("state_name").asText());
    }

    @Test
    void districts_maharashtra_keepsTrailingSpaceOfAurangabad() throws IOException {
        JsonNode districts = json(http.get("/v2/admin/location/districts/21")).get("districts");
        boolean found = false;
        for (JsonNode d : districts) {
            found |= d.get("district_id").asInt() == 397 && d.get("district_name").asText().equals("Aurangabad ");
        }
        assertTrue(found, "district 397 must be named 'Aurangabad ' with the trailing space");
        assertEquals(35, districts.size(), "rows with state_id 21 in the 14 May 2021 list");
    }

    @Test
    void districts_allStates_total756() throws IOException {
        int total = 0;
        for (int s = 1; s <= 37; s++) {
            total += json(http.get("/v2/admin/location/districts/" + s)).get("districts").size();
        }
        assertEquals(756, total);
    }

    @Test
    void calendarByDistrict_anyDay_coversSevenDaysIncludingBookedOutSessions() throws IOException {
        JsonNode centers = json(http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=651&date=24-05-2021")).get("centers");
        Set<String> dates = new HashSet<>();
        int zero = 0;
        for (JsonNode c : centers) {
            for (JsonNode s : c.get("sessions")) {
                dates.add(s.get("date").asText());
                zero += s.get("available_capacity").asInt() == 0 ? 1 : 0;
                assertTrue(s.get("available_capacity").asInt() >= 0);
            }
        }
        assertTrue(dates.contains("24-05-2021") && dates.stream().allMatch(d -> d.compareTo("24-05-2021") >= 0
                && d.compareTo("30-05-2021") <= 0 && d.endsWith("-05-2021")), "dates " + dates);
        assertTrue(zero > 0, "booked-out sessions must be listed at 0");
    }

    @Test
    void findByDistrict_oneDay_flatRowsOfThatDayOnly() throws IOException {
        JsonNode rows = json(http.get("/v2/appointment/sessions/public/findByDistrict?district_id=651&date=25-05-2021")).get("sessions");
        assertTrue(rows.size() > 0);
        for (JsonNode r : rows) {
            assertEquals("25-05-2021", r.get("date").asText());
            assertTrue(r.get("fee").isTextual() && r.get("center_id").isInt() && !r.has("sessions"));
        }
    }

    @Test
    void calendarByPin_pincodeOfAGeneratedCenter_returnsThatCenter() throws IOException {
        JsonNode center = json(http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=294&date=24-05-2021"))
                .get("centers").get(0);
        JsonNode byPin = json(http.get("/v2/appointment/sessions/public/calendarByPin?pincode=" + center.get("pincode").asInt()
                + "&date=24-05-2021")).get("centers");
        boolean found = false;
        for (JsonNode c : byPin) {
            found |= c.get("center_id").equals(center.get("center_id"));
            assertEquals(center.get("pincode").asInt(), c.get("pincode").asInt());
        }
        assertTrue(found);
    }

    @Test
    void calendarByCenter_knownCenter_returnsAnObjectNotAnArray() throws IOException {
        JsonNode center = json(http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=294&date=24-05-2021"))
                .get("centers").get(0);
        JsonNode body = json(http.get("/v2/appointment/sessions/public/calendarByCenter?center_id="
                + center.get("center_id").asInt() + "&date=24-05-2021"));
        assertTrue(body.get("centers").isObject());
        assertEquals(center, body.get("centers"));
    }

    @Test
    void findByLatLong_insideIndia_listsCenterSummariesWithTtl() throws IOException {
        JsonNode body = json(http.get("/v2/appointment/centers/public/findByLatLong?lat=12.97&long=77.59"));
        assertTrue(body.get("centers").size() > 0);
        assertEquals(24, body.get("ttl").asInt());
        assertTrue(!body.get("centers").get(0).has("sessions"));
    }

    @Test
    void dates_nonPaddedAndTwoDigitYear_areAccepted() throws IOException {
        byte[] padded = http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=192&date=08-06-2021").body();
        assertEquals(200, http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=192&date=8-6-2021").statusCode());
        byte[] shortForm = http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=192&date=8-6-21").body();
        assertEquals(new String(padded, StandardCharsets.UTF_8), new String(shortForm, StandardCharsets.UTF_8));
    }

    @Test
    void errors_missingOrInvalidParameters_are400WithCoWinErrorJson() throws IOException {
        String missing = "{\"errorCode\":\"USRRES0001\",\"error\":\"Input parameter missing\"}";
        for (String q : new String[] {"calendarByDistrict?district_id=192", "calendarByDistrict?date=01-06-2021",
                "calendarByDistrict?district_id=192&date=31-02-2021", "findByDistrict?district_id=x&date=01-06-2021",
                "calendarByCenter?date=01-06-2021"}) {
            HttpResponse<byte[]> r = http.get("/v2/appointment/sessions/public/" + q);
            assertEquals(400, r.statusCode(), q);
            assertEquals(missing, new String(r.body(), StandardCharsets.UTF_8), q);
        }
        HttpResponse<byte[]> pin = http.get("/v2/appointment/sessions/public/findByPin?pincode=12ab&date=01-06-2021");
        assertEquals(400, pin.statusCode());
        assertEquals("{\"errorCode\":\"APPOIN0018\",\"error\":\"Invalid Pincode\"}", new String(pin.body(), StandardCharsets.UTF_8));
    }

    @Test
    void unknownDistrict_validDate_isEmptyCentersList() {
        HttpResponse<byte[]> r = http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=9999&date=01-06-2021");
        assertEquals(200, r.statusCode());
        assertEquals("{\"centers\":[]}", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void protectedPaths_withoutToken_are401AndCounted() throws Exception {
        long before = server.stats().unauthenticated();
        String[] paths = {"/v2/auth/public/generateOTP", "/v2/registration/certificate/public/download?beneficiary_reference_id=1",
                "/v2/appointment/sessions/calendarByDistrict?district_id=192&date=01-06-2021",
                "/v2/appointment/centers/findByLatLong?lat=12&long=77", "/v2/appointment/schedule"};
        for (String p : paths) {
            HttpResponse<byte[]> r = http.get(p);
            assertEquals(401, r.statusCode(), p);
            assertEquals("Unauthenticated access!", new String(r.body(), StandardCharsets.UTF_8), p);
        }
        HttpResponse<byte[]> post = http.sendOrThrow(http.request("/v2/auth/public/generateOTP")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mobile\":\"9999999999\"}")).build());
        assertEquals(401, post.statusCode());
        assertEquals(before + paths.length + 1, server.stats().unauthenticated());
    }

    @Test
    void stats_afterCalls_reportsCountersAsJson() throws IOException {
        http.get("/v2/admin/location/states");
        JsonNode stats = JSON.readTree(http.getRoot("/__simulator/stats").body());
        assertTrue(stats.get("requests").asLong() >= 1);
        assertTrue(stats.get("by_path").get("states").get("200").asLong() >= 1);
        assertTrue(stats.has("throttled") && stats.has("faults") && stats.has("by_status"));
    }
}
