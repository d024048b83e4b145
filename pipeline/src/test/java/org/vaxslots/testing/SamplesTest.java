package org.vaxslots.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The samples and reference data shipped in the jar are exact copies of shared/. */
class SamplesTest {

    @Test
    void bundledSamples_equalSharedSamplesByteForByte() throws Exception {
        Path shared = Samples.sharedDir().resolve("cowin-samples");
        List<String> sharedJson;
        try (Stream<Path> files = Files.list(shared)) {
            sharedJson = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }

        assertEquals(sharedJson, Samples.names());
        for (String name : sharedJson) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(name)), Samples.bytes(name), name);
        }
    }

    @Test
    void bundledDistrictList_equalsShared() throws Exception {
        try (var in = SamplesTest.class.getResourceAsStream("/org/vaxslots/reference/cowin_districts_2021-05-14.csv")) {
            assertArrayEquals(Files.readAllBytes(Samples.sharedDir()
                    .resolve("cowin-samples/districts_all-states_2021-05-14_bhattbhavesh91.csv")), in.readAllBytes());
        }
    }
}
