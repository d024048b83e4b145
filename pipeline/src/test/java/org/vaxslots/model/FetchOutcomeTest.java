package org.vaxslots.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vaxslots.testing.Duck;

/** The outcome words, the one definition of captured, and the SQL ranking that must know every word. */
class FetchOutcomeTest {
    /** fetches.outcome and the raw header: a published contract, in the order the SQL ranks them. */
    private static final List<String> WORDS = List.of("ok", "empty", "throttled", "http_error", "network_error", "invalid_body");
    private static final Path CLASSIFIED = Path.of("../notebooks-sql/intermediate/int_district_fetches_classified.sql");
    private static final Pattern RANKING = Pattern.compile("(CASE outcome\\s.*?END) AS outcome_rank", Pattern.DOTALL);
    private static final Pattern HAS_DATA = Pattern.compile("min\\(outcome_rank\\) <= (\\d+) AS has_data");
    private static final String NOT_A_WORD = "no_such_outcome";

    @Test
    void words_inDeclaredOrder_areTheTablesWords() {
        assertEquals(WORDS, Arrays.stream(FetchOutcome.values()).map(FetchOutcome::word).toList());
    }

    @Test
    void isCaptured_okAndEmptyOnly() {
        List<FetchOutcome> captured = Arrays.stream(FetchOutcome.values()).filter(FetchOutcome::isCaptured).toList();

        assertEquals(List.of(FetchOutcome.OK, FetchOutcome.EMPTY), captured);
    }

    @Test
    void isCapturedOfWord_unknownOrMissingWord_isNotCaptured() {
        assertTrue(FetchOutcome.isCaptured("empty"));
        assertFalse(FetchOutcome.isCaptured("invalid_body"));
        assertFalse(FetchOutcome.isCaptured("OK"));
        assertFalse(FetchOutcome.isCaptured(NOT_A_WORD));
        assertFalse(FetchOutcome.isCaptured(null));
    }

    @Test
    void ofWord_everyWord_roundTrips() {
        for (FetchOutcome o : FetchOutcome.values()) {
            assertEquals(Optional.of(o), FetchOutcome.ofWord(o.word()));
        }
        assertEquals(Optional.empty(), FetchOutcome.ofWord(NOT_A_WORD));
    }

    @Test
    void ofStatus_eachKindOfStatus_decidesOrLeavesItToTheBody() {
        assertEquals(Optional.of(FetchOutcome.NETWORK_ERROR), FetchOutcome.ofStatus(null));
        assertEquals(Optional.empty(), FetchOutcome.ofStatus(200));
        assertEquals(Optional.empty(), FetchOutcome.ofStatus(204));
        assertEquals(Optional.of(FetchOutcome.HTTP_ERROR), FetchOutcome.ofStatus(199));
        assertEquals(Optional.of(FetchOutcome.HTTP_ERROR), FetchOutcome.ofStatus(302));
        assertEquals(Optional.of(FetchOutcome.HTTP_ERROR), FetchOutcome.ofStatus(304));
        assertEquals(Optional.of(FetchOutcome.THROTTLED), FetchOutcome.ofStatus(403));
        assertEquals(Optional.of(FetchOutcome.THROTTLED), FetchOutcome.ofStatus(429));
        assertEquals(Optional.of(FetchOutcome.HTTP_ERROR), FetchOutcome.ofStatus(404));
        assertEquals(Optional.of(FetchOutcome.HTTP_ERROR), FetchOutcome.ofStatus(503));
    }

    /**
     * The ranking stays in SQL, where a reader of the notebooks finds it; this runs its CASE in
     * DuckDB over every word, so a word added to the enum and not to the SQL fails here.
     */
    @Test
    void sqlRanking_everyWord_rankedInDeclaredOrderAndUnknownLast() throws Exception {
        String sql = Files.readString(CLASSIFIED, StandardCharsets.UTF_8);
        Matcher ranking = RANKING.matcher(sql);
        assertTrue(ranking.find(), CLASSIFIED + " has no `CASE outcome ... END AS outcome_rank`");
        List<String> values = new ArrayList<>(WORDS);
        values.add(NOT_A_WORD);
        String rows = values.stream().map(w -> "('" + w + "')").collect(Collectors.joining(", "));

        List<List<Object>> ranked = Duck.rows("SELECT outcome, " + ranking.group(1) + " AS outcome_rank FROM (VALUES "
                + rows + ") AS t(outcome)");

        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < WORDS.size(); i++) {
            expected.add(List.of(WORDS.get(i), i + 1));
        }
        assertEquals(expected, ranked.subList(0, WORDS.size()));
        assertTrue(((Number) ranked.get(WORDS.size()).get(1)).intValue() > WORDS.size(),
                "a word the SQL does not know ranks after every known one: " + ranked);
    }

    @Test
    void sqlHasData_isTheCapturedOutcomes() throws Exception {
        Matcher hasData = HAS_DATA.matcher(Files.readString(CLASSIFIED, StandardCharsets.UTF_8));
        assertTrue(hasData.find(), CLASSIFIED + " has no `min(outcome_rank) <= N AS has_data`");
        long captured = Arrays.stream(FetchOutcome.values()).filter(FetchOutcome::isCaptured).count();

        assertEquals(captured, Long.parseLong(hasData.group(1)));
        assertTrue(Arrays.stream(FetchOutcome.values()).limit(captured).allMatch(FetchOutcome::isCaptured),
                "the captured outcomes rank first");
    }
}
