package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplyModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EVENING_23_MAY_2021_IST = Instant.parse("2021-05-23T14:30:00Z");
    private static final String[] PATHS = {
            "/v2/appointment/sessions/public/calendarByDistrict?district_id=651&date=24-05-2021",
            "/v2/appointment/sessions/public/findByDistrict?district_id=395&date=24-05-2021",
            "/v2/appointment/sessions/public/calendarByDistrict?district_id=97&date=25-05-2021",
            "/v2/admin/location/districts/21",
    };

    private static SimulatorConfig frozen(long seed) {
        return SimulatorConfig.defaults().withSeed(seed).withStart(EVENING_23_MAY_2021_IST).withSpeed(0).withRateLimit(null);
    }

    @Test
    void bodies_sameSeedAndInstant_areByteIdenticalAcrossServers() {
        try (SimulatorServer a = SimulatorServer.start(frozen(42)); SimulatorServer b = SimulatorServer.start(frozen(42))) {
            SimHttp ha = new SimHttp(a);
            SimHttp hb = new SimHttp(b);
            for (String p : PATHS) {
                byte[] first = ha.get(p).body();
                assertArrayEquals(first, hb.get(p).body(), p);
                assertTrue(first.length > 100, p);
            }
        }
    }

    @Test
    void bodies_differentSeed_differ() {
        try (SimulatorServer a = SimulatorServer.start(frozen(42)); SimulatorServer b = SimulatorServer.start(frozen(43))) {
            String p = PATHS[0];
            assertFalse(java.util.Arrays.equals(new SimHttp(a).get(p).body(), new SimHttp(b).get(p).body()));
        }
    }

    @Test
    void centers_perDistrict_scaleWithPopulation() {
        Geography g = Geography.load();
        Geography.District ghaziabad = g.district(651);
        Geography.District nicobar = g.district(3);
        assertTrue(ghaziabad.population() > 3_000_000, "Ghaziabad population " + ghaziabad.population());
        assertEquals(CenterFactory.MIN_CENTERS, CenterFactory.centerCount(nicobar));
        assertEquals(ghaziabad.population() / CenterFactory.PEOPLE_PER_CENTER, CenterFactory.centerCount(ghaziabad));
    }

    @Test
    void capacity_cityYoungAdultSession_isBookedDownWithinAnHourAndNeverNegative() {
        SupplyModel model = new SupplyModel(5, Geography.load());
        Geography.District city = model.geography().district(294);
        assertTrue(city.urban());
        LocalDate day = LocalDate.of(2021, 5, 24);
        Instant late = day.atTime(17, 59).atZone(SimClock.IST).toInstant();
        int open18 = 0;
        int booked18 = 0;
        int negative = 0;
        for (Center c : model.centers(city)) {
            for (Session s : model.sessions(c, day, late, Era.DOSE_SPLIT)) {
                negative += s.availableCapacity() < 0 || s.dose1() < 0 || s.dose2() < 0 ? 1 : 0;
                if (s.minAgeLimit() == 18) {
                    open18++;
                    booked18 += s.availableCapacity() == 0 ? 1 : 0;
                }
            }
        }
        assertEquals(0, negative);
        assertTrue(open18 > 20 && booked18 == open18, "18-44 city sessions at 17:59: " + booked18 + " of " + open18 + " booked out");
    }

    @Test
    void sessions_beforeTheirPublicationBatch_areInvisibleAndAppearLater() {
        SupplyModel model = new SupplyModel(5, Geography.load());
        Geography.District district = model.geography().district(192);
        LocalDate day = LocalDate.of(2021, 6, 10);
        int threeDaysAhead = 0;
        int eveBefore = 0;
        int sameMorning = 0;
        for (Center c : model.centers(district)) {
            threeDaysAhead += model.sessions(c, day, day.minusDays(3).atTime(12, 0).atZone(SimClock.IST).toInstant(), Era.DOSE_SPLIT).size();
            eveBefore += model.sessions(c, day, day.minusDays(1).atTime(21, 0).atZone(SimClock.IST).toInstant(), Era.DOSE_SPLIT).size();
            sameMorning += model.sessions(c, day, day.atTime(11, 0).atZone(SimClock.IST).toInstant(), Era.DOSE_SPLIT).size();
        }
        assertTrue(0 < threeDaysAhead && threeDaysAhead < eveBefore && eveBefore < sameMorning,
                threeDaysAhead + " < " + eveBefore + " < " + sameMorning);
    }

    @Test
    void capacity_clockMovesForward_neverRisesForAPublishedSession() {
        SupplyModel model = new SupplyModel(5, Geography.load());
        Geography.District rural = model.geography().district(638);
        LocalDate day = LocalDate.of(2021, 5, 26);
        Instant evening = day.minusDays(1).atTime(21, 0).atZone(SimClock.IST).toInstant();
        Instant noon = day.atTime(12, 0).atZone(SimClock.IST).toInstant();
        int compared = 0;
        int decreased = 0;
        for (Center c : model.centers(rural)) {
            List<Session> before = model.sessions(c, day, evening, Era.DOSE_SPLIT);
            for (Session later : model.sessions(c, day, noon, Era.DOSE_SPLIT)) {
                for (Session earlier : before) {
                    if (earlier.sessionId().equals(later.sessionId())) {
                        compared++;
                        assertTrue(later.availableCapacity() <= earlier.availableCapacity(), earlier + " -> " + later);
                        decreased += later.availableCapacity() < earlier.availableCapacity() ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(compared > 20 && decreased > 0, compared + " compared, " + decreased + " decreased");
    }

    @Test
    void capacity_across2021Districts_availableIsNotAlwaysDose1PlusDose2() throws IOException {
        int sessions = 0;
        int mismatched = 0;
        try (SimulatorServer s = SimulatorServer.start(frozen(11).withStart(Instant.parse("2021-05-24T01:00:00Z")))) {
            SimHttp http = new SimHttp(s);
            for (int district : new int[] {651, 393, 638, 192, 294, 97}) {
                JsonNode centers = JSON.readTree(http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id="
                        + district + "&date=24-05-2021").body()).get("centers");
                for (JsonNode c : centers) {
                    for (JsonNode x : c.get("sessions")) {
                        sessions++;
                        int sum = x.get("available_capacity_dose1").asInt() + x.get("available_capacity_dose2").asInt();
                        mismatched += x.get("available_capacity").asInt() != sum ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(sessions > 300, "sessions " + sessions);
        assertTrue(mismatched > 0 && mismatched < sessions / 10, mismatched + " of " + sessions + " mismatched");
    }
}
