package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchOutcome;

class AllowlistTest {
    private static final Allowlist COWIN = Allowlist.forBase("https://cdn-api.co-vin.in/api");

    @Test
    void uri_publicEndpoints_builtUnderTheBase() {
        assertEquals(URI.create("https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict?district_id=192&date=04-05-2021"),
                COWIN.uri(Endpoint.CALENDAR_BY_DISTRICT, ordered("district_id", "192", "date", "04-05-2021")));
        assertEquals(URI.create("https://cdn-api.co-vin.in/api/v2/admin/location/districts/17"),
                COWIN.uri(Endpoint.DISTRICTS, Map.of("state_id", "17")));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void check_personalAndProtectedPaths_refused() {
        for (String path : new String[] {"/v2/auth/public/generateOTP", "/v2/registration/certificate/public/download",
                "/v2/appointment/sessions/calendarByDistrict", "/v2/appointment/sessions/search",
                "/v2/admin/location/districts/../../auth/public/confirmOTP"}) {
            URI uri = URI.create("https://cdn-api.co-vin.in/api" + path);
            assertThrows(IllegalArgumentException.class, () -> COWIN.check(uri), path);
        }
        assertThrows(IllegalArgumentException.class, () -> COWIN.check(
                URI.create("https://evil.example/api/v2/appointment/sessions/public/calendarByDistrict")));
    }

    @Test
    void forBase_credentialsQueryOrPathIntoTheApi_refused() {
        assertThrows(IllegalArgumentException.class, () -> Allowlist.forBase("https://user:pw@cdn-api.co-vin.in/api"));
        assertThrows(IllegalArgumentException.class, () -> Allowlist.forBase("https://cdn-api.co-vin.in/api?token=x"));
        assertThrows(IllegalArgumentException.class, () -> Allowlist.forBase("https://cdn-api.co-vin.in/api/v2/auth"));
        assertThrows(IllegalArgumentException.class, () -> Allowlist.forBase("file:///etc/passwd"));
    }

    @Test
    void uri_parameterWithPathCharacters_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> COWIN.uri(Endpoint.CALENDAR_BY_DISTRICT, Map.of("district_id", "../auth", "date", "04-05-2021")));
    }

    @Test
    void fetcher_redirectToAnotherHost_isRecordedNotFollowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] hits = {0};
        server.createContext("/", exchange -> {
            hits[0]++;
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:9/api/v2/auth/public/generateOTP");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            Fetcher fetcher = new Fetcher(Fetcher.DEFAULT_USER_AGENT, Duration.ofSeconds(5), Clock.systemUTC());
            Exchange x = fetcher.get(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/api/v2/admin/location/states"));

            assertEquals(302, x.status());
            assertEquals(1, hits[0]);
            assertEquals(Optional.of(FetchOutcome.HTTP_ERROR), FetchOutcome.ofStatus(x.status()), "a redirect is not followed");
        } finally {
            server.stop(0);
        }
    }
}
