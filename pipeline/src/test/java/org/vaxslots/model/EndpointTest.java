package org.vaxslots.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every request URI, the crawler's and the recorded responses', is built by Endpoint. */
class EndpointTest {
    private static final String SIMULATOR = "http://127.0.0.1:8080/api";

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void uri_calendarByDistrictUnderCowinBase_queryInTheOrderGiven() {
        URI uri = Endpoint.CALENDAR_BY_DISTRICT.uri(Endpoint.COWIN_BASE, ordered("district_id", "192", "date", "04-05-2021"));

        assertEquals(URI.create("https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict"
                + "?district_id=192&date=04-05-2021"), uri);
    }

    @Test
    void uri_districtsWithStateId_stateIdInThePath() {
        URI uri = Endpoint.DISTRICTS.uri(SIMULATOR, Map.of(Endpoint.STATE_ID, "17"));

        assertEquals(URI.create("http://127.0.0.1:8080/api/v2/admin/location/districts/17"), uri);
    }

    @Test
    void uri_districtsWithoutStateId_isThePathAlone() {
        assertEquals(URI.create("https://cdn-api.co-vin.in/api/v2/admin/location/districts/"),
                Endpoint.DISTRICTS.uri(Endpoint.COWIN_BASE, Map.of()));
    }

    @Test
    void uri_stateIdOfAnotherEndpoint_staysInTheQuery() {
        assertEquals(URI.create("https://cdn-api.co-vin.in/api/v2/admin/location/states?state_id=17"),
                Endpoint.STATES.uri(Endpoint.COWIN_BASE, Map.of(Endpoint.STATE_ID, "17")));
    }

    @Test
    void query_valuesFormEncoded() {
        assertEquals("pincode=110+001&date=24%2F05%2F2021", Endpoint.query(ordered("pincode", "110 001", "date", "24/05/2021")));
        assertEquals("", Endpoint.query(Map.of()));
    }

    @Test
    void dateParam_isTheApisDayMonthYear() {
        assertEquals("04-05-2021", LocalDate.of(2021, 5, 4).format(Endpoint.DATE_PARAM));
    }
}
