package org.vaxslots.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.store.DataRoot;

/** A 304 stands for the capture it names: only one the crawler judged captured (ok or empty). */
class RevisitsTest {
    private static final Instant CAPTURED_AT = Instant.parse("2021-05-24T06:30:01Z");
    private static final String PARAMS = "district_id=298&date=24-05-2021";
    private static final URI TARGET = URI.create(Endpoint.COWIN_BASE
            + "/v2/appointment/sessions/public/calendarByDistrict?" + PARAMS);
    private static final String BODY = "{\"centers\":[{\"center_id\":1}]}";

    @TempDir
    Path dir;

    private DataRoot root() {
        return new DataRoot(dir.resolve("data"));
    }

    /** One snapshot response record in sweep {@code sweep}, with the crawler's outcome word. */
    private void capture(String sweep, FetchOutcome outcome) throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + BODY).getBytes(StandardCharsets.UTF_8);
        try (WarcArchiveWriter w = WarcArchiveWriter.create(root(), sweep, "snapshot", CAPTURED_AT, Map.of())) {
            w.write(new WarcResponse.Builder(TARGET).date(CAPTURED_AT).body(MediaType.HTTP_RESPONSE, http)
                    .addHeader(RawHeaders.SWEEP_ID, sweep)
                    .addHeader(RawHeaders.ENDPOINT, Endpoint.CALENDAR_BY_DISTRICT.apiName())
                    .addHeader(RawHeaders.PARAMS, PARAMS)
                    .addHeader(RawHeaders.OUTCOME, outcome.word())
                    .build());
        }
    }

    private static ArchivedResponse revisitOf(String sweep) {
        return new ArchivedResponse("raw/sweep_id=s2/snapshot.warc.gz", 0, "<urn:uuid:00000000-0000-4000-8000-000000000304>",
                "revisit", TARGET, CAPTURED_AT.plusSeconds(900), Map.of(RawHeaders.ENDPOINT,
                        Endpoint.CALENDAR_BY_DISTRICT.apiName(), RawHeaders.PARAMS, PARAMS, RawHeaders.REFERS_TO_SWEEP, sweep),
                304, null, null, null, new byte[0]);
    }

    @Test
    void resolve_revisitOfACapturedResponse_carriesItsBody() throws Exception {
        capture("s1", FetchOutcome.OK);

        Revisits.Resolved r = new Revisits(root()).resolve(revisitOf("s1"));

        assertNull(r.problem());
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), r.response().body());
        assertEquals(304, r.response().httpStatus());
    }

    @Test
    void resolve_responseTheCrawlerJudgedInvalid_isNoCaptureToRepeat() throws Exception {
        capture("s1", FetchOutcome.INVALID_BODY);

        Revisits.Resolved r = new Revisits(root()).resolve(revisitOf("s1"));

        assertEquals("a not-modified answer for calendarByDistrict?" + PARAMS
                + " whose capture is not in the raw files of sweep s1", r.problem());
    }

    @Test
    void resolve_revisitNamingAnInvalidSweep_isAProblem() throws Exception {
        Revisits.Resolved r = new Revisits(root()).resolve(revisitOf("../s1"));

        assertEquals("a not-modified answer that names no valid sweep to repeat (" + RawHeaders.REFERS_TO_SWEEP
                + ": ../s1)", r.problem());
    }
}
