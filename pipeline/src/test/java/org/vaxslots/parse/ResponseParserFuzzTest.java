package org.vaxslots.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;

/**
 * Any bytes at all, as a response body: the parser returns a result and never throws. An invalid
 * body yields no rows and exactly one problem for "$" (the contract normalize relies on). In the
 * normal test run Jazzer replays the inputs under ResponseParserFuzzTestInputs/ (real samples and
 * every crash ever found); {@code scripts/fuzz} fuzzes for real.
 */
class ResponseParserFuzzTest {
    private static final ResponseParser PARSER = ResponseParser.withBundledTables();
    private static final FetchContext CONTEXT = new FetchContext("fuzz", "urn:uuid:fuzz", Endpoint.CALENDAR_BY_DISTRICT,
            null, 298, null, null, null, Instant.parse("2021-05-16T04:30:00Z"));

    @FuzzTest(maxDuration = "2m")
    void parse_anyBytes_returnsAResultAndNeverThrows(byte[] body) {
        ParsedResponse r = PARSER.parse(CONTEXT, body);

        if (!r.bodyValid()) {
            assertEquals(0, r.centers().size() + r.sessions().size());
            assertEquals(1, r.problems().size());
            assertEquals("$", r.problems().get(0).recordPath());
        }
        assertTrue(r.problems().stream().allMatch(p -> p.snippet() == null || p.snippet().length() <= 300));
    }
}
