package org.vaxslots.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaxslots.store.Digests;

/**
 * The samples and reference list shipped in the jar are the real responses their SOURCES.md
 * describes: their sha256, taken from the team's copy of the originals when they were bundled, is
 * pinned in {@code SamplesTest/SHA256SUMS}, so an edit to a bundled file fails here on any machine.
 */
class SamplesTest {
    private static final String DISTRICT_LIST = "districts_all-states_2021-05-14_bhattbhavesh91.csv";

    @Test
    void bundledSamples_matchPinnedDigestsOfTheOriginals() throws Exception {
        Map<String, String> pinned = pinned();
        List<String> pinnedSamples = new ArrayList<>(pinned.keySet());
        pinnedSamples.remove(DISTRICT_LIST);

        assertEquals(pinnedSamples, Samples.names());
        for (String name : Samples.names()) {
            assertEquals(pinned.get(name), Digests.sha256Hex(Samples.bytes(name)), name);
        }
    }

    @Test
    void bundledDistrictList_matchesPinnedDigestOfTheOriginal() throws Exception {
        try (InputStream in = SamplesTest.class.getResourceAsStream("/org/vaxslots/reference/cowin_districts_2021-05-14.csv")) {
            assertEquals(pinned().get(DISTRICT_LIST), Digests.sha256Hex(in.readAllBytes()));
        }
    }

    /** name → sha256, in the order of SHA256SUMS (sha256sum's format). */
    private static Map<String, String> pinned() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = SamplesTest.class.getResourceAsStream("/SamplesTest/SHA256SUMS")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.put(line.substring(66).trim(), line.substring(0, 64));
                }
            }
        }
        return out;
    }
}
