package org.vaxslots.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.testing.Mutations;
import org.vaxslots.testing.Samples;

/** Seeded mutations of every real sample: the parser returns a result for each and never throws. */
class ResponseParserMutationTest {
    private static final ResponseParser PARSER = ResponseParser.withBundledTables();
    private static final FetchContext CONTEXT = new FetchContext("fuzz", "urn:uuid:fuzz", Endpoint.CALENDAR_BY_DISTRICT,
            null, 298, null, null, null, Instant.parse("2021-05-16T04:30:00Z"));

    @Test
    void parse_mutatedRealSamples_neverThrowsAndInvalidMeansOneProblemNoRows() throws Exception {
        List<String> names = Samples.names().stream().filter(n -> n.endsWith(".json")).toList();
        SplittableRandom random = new SplittableRandom(Mutations.SEED);
        int invalid = 0;
        for (int i = 0; i < Mutations.ITERATIONS; i++) {
            byte[] body = Mutations.mutate(Samples.bytes(names.get(random.nextInt(names.size()))), random);
            ParsedResponse r;
            try {
                r = PARSER.parse(CONTEXT, body);
            } catch (RuntimeException e) {
                throw new AssertionError("input " + i + " (seed " + Mutations.SEED + ") threw; first bytes "
                        + HexFormat.of().formatHex(body, 0, Math.min(64, body.length)), e);
            }
            if (!r.bodyValid()) {
                invalid++;
                assertEquals(0, r.centers().size() + r.sessions().size());
                assertEquals(1, r.problems().size());
            }
        }
        System.out.println("ResponseParserMutationTest: " + Mutations.ITERATIONS + " mutated bodies, " + invalid + " rejected whole");
    }
}
