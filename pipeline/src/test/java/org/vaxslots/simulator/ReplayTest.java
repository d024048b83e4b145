package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Samples;

class ReplayTest {
    @TempDir
    static Path SAMPLES;
    private static SimulatorServer server;
    private static SimHttp http;

    @BeforeAll
    static void start() throws IOException {
        Samples.writeTo(SAMPLES, Samples.names());
        server = SimulatorServer.start(SimulatorConfig.defaults().withStart(Instant.parse("2021-05-04T06:30:00Z"))
                .withSpeed(0).withRateLimit(null).withReplayDir(SAMPLES));
        http = new SimHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void replay_calendarByDistrictOfARecordedDistrict_servesTheFileVerbatim() throws IOException {
        String file = "calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json";
        HttpResponse<byte[]> r = http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=192&date=04-05-2021");
        assertEquals(200, r.statusCode());
        assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(file)), r.body());
        assertEquals(file, r.headers().firstValue("X-Simulator-Replay").orElseThrow());
    }

    @Test
    void replay_findByPinWithPinPrefixInFileName_servesTheFileVerbatim() throws IOException {
        HttpResponse<byte[]> r = http.get("/v2/appointment/sessions/public/findByPin?pincode=416416&date=28-04-2022");
        assertArrayEquals(Files.readAllBytes(SAMPLES.resolve("findByPin_pin416416-Sangli_2022-04-28_index-id-33459948277.json")), r.body());
    }

    @Test
    void replay_bareCentersArray_isWrappedAndSaysSo() throws IOException {
        HttpResponse<byte[]> r = http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=393&date=21-05-2021");
        byte[] array = Files.readAllBytes(SAMPLES.resolve("calendarByDistrict_393-Raigad_2021-05-21_haseeb-biya.centers-array.json"));
        assertEquals("{\"centers\":" + new String(array, StandardCharsets.UTF_8) + "}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("centers-array", r.headers().firstValue("X-Simulator-Replay-Wrapped").orElseThrow());
    }

    @Test
    void replay_unrecordedDistrict_fallsBackToTheModel() {
        HttpResponse<byte[]> r = http.get("/v2/appointment/sessions/public/calendarByDistrict?district_id=294&date=04-05-2021");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("X-Simulator-Replay").isEmpty());
        assertTrue(r.body().length > 1000);
    }
}
