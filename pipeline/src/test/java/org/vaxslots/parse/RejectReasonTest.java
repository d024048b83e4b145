package org.vaxslots.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaxslots.schema.Table;

/** Every reason code is snake_case, unique, and documented with its meaning where readers look for it. */
class RejectReasonTest {
    private static final Path DICTIONARY = Path.of("../data-schema/dictionary.csv");

    @Test
    void codes_everyOne_snakeCaseAndUnique() {
        List<String> codes = Arrays.stream(RejectReason.values()).map(RejectReason::code).toList();

        assertTrue(codes.stream().allMatch(c -> c.matches("[a-z]+(_[a-z]+)*")), codes.toString());
        assertEquals(codes.size(), codes.stream().distinct().count(), codes.toString());
    }

    @Test
    void codes_everyOne_documentedInRejectsAvscAndDictionary() throws Exception {
        String avscDoc = Table.REJECTS.schema().getField("reason_code").doc();
        String dictionary = Files.readString(DICTIONARY);

        for (RejectReason r : RejectReason.values()) {
            String documented = r.code() + " = " + r.meaning();
            assertTrue(avscDoc.contains(documented), "rejects.avsc reason_code doc lacks: " + documented);
            assertTrue(dictionary.contains(documented.replace("\"", "\"\"")), "dictionary.csv lacks: " + documented);
        }
    }
}
