package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheTest {
    private static final String CAL = "/v2/appointment/sessions/public/calendarByDistrict?district_id=294&date=24-05-2021";

    @Test
    void cache_withinTtl_servesSameBodyWithAgeAndEtagThen304() {
        ManualClock wall = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        SimulatorConfig c = SimulatorConfig.defaults().withStart(Instant.parse("2021-05-24T03:30:00Z")).withSpeed(1)
                .withRateLimit(null).withCacheTtl(Duration.ofMinutes(5));
        try (SimulatorServer s = SimulatorServer.start(c, wall)) {
            SimHttp http = new SimHttp(s);
            HttpResponse<byte[]> miss = http.get(CAL);
            assertEquals("Mon, 24 May 2021 03:30:00 GMT", miss.headers().firstValue("Date").orElseThrow());
            assertEquals("Miss from cloudfront", miss.headers().firstValue("X-Cache").orElseThrow());
            assertTrue(miss.headers().firstValue("Age").isEmpty());
            String etag = miss.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("W/\"[0-9a-f]+-[0-9a-f]+\""), etag);

            wall.advance(Duration.ofSeconds(90));
            HttpResponse<byte[]> hit = http.get(CAL);
            assertEquals("90", hit.headers().firstValue("Age").orElseThrow());
            assertEquals("Mon, 24 May 2021 03:31:30 GMT", hit.headers().firstValue("Date").orElseThrow());
            assertEquals(etag, hit.headers().firstValue("ETag").orElseThrow());
            assertArrayEquals(miss.body(), hit.body());

            HttpResponse<byte[]> notModified = http.get(CAL, "If-None-Match", etag);
            assertEquals(304, notModified.statusCode());
            assertEquals(0, notModified.body().length);

            HttpResponse<byte[]> otherSpelling = http.get(CAL.replace("24-05-2021", "24-5-2021"));
            assertEquals("Miss from cloudfront", otherSpelling.headers().firstValue("X-Cache").orElseThrow());

            wall.advance(Duration.ofMinutes(4));
            HttpResponse<byte[]> expired = http.get(CAL);
            assertEquals("Miss from cloudfront", expired.headers().firstValue("X-Cache").orElseThrow());
            assertEquals(1, s.stats().notModified());
            assertEquals(2, s.stats().cacheHits());
        }
    }

    @Test
    void cache_ttlZero_neverHits() {
        SimulatorConfig c = SimulatorConfig.defaults().withStart(Instant.parse("2021-05-24T03:30:00Z")).withSpeed(0)
                .withRateLimit(null).withCacheTtl(Duration.ZERO);
        try (SimulatorServer s = SimulatorServer.start(c)) {
            SimHttp http = new SimHttp(s);
            http.get(CAL);
            assertEquals("Miss from cloudfront", http.get(CAL).headers().firstValue("X-Cache").orElseThrow());
            assertEquals(0, s.stats().cacheHits());
        }
    }
}
