package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crawler's one-pass check of a body against Jackson, read strictly: one root value, every
 * string decoded (so broken UTF-8 counts), nothing but whitespace after it. They must agree on
 * every real sample and on thousands of damaged copies of them.
 */
class JsonShapeTest {
    private static final JsonFactory JACKSON = new JsonFactory();

    /** What Jackson says: INVALID, or EMPTY_LIST for the {, key, [, ], } document, or OTHER. */
    private static JsonShape.Shape jackson(byte[] body) {
        List<JsonToken> tokens = new ArrayList<>();
        try (JsonParser p = JACKSON.createParser(body)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (depth == 0 && !tokens.isEmpty()) {
                    return JsonShape.Shape.NOT_WHOLE_JSON; // a second root value
                }
                tokens.add(t);
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    p.getText();
                } else if (t.isNumeric()) {
                    p.getNumberValue();
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            }
        } catch (IOException e) {
            return JsonShape.Shape.NOT_WHOLE_JSON;
        }
        if (tokens.isEmpty()) {
            return JsonShape.Shape.NOT_WHOLE_JSON;
        }
        return tokens.equals(List.of(JsonToken.START_OBJECT, JsonToken.FIELD_NAME, JsonToken.START_ARRAY,
                JsonToken.END_ARRAY, JsonToken.END_OBJECT)) ? JsonShape.Shape.EMPTY_LIST : JsonShape.Shape.OTHER;
    }

    /** The scan gives {@code expected}, and so does Jackson. */
    private static void assertShape(JsonShape.Shape expected, byte[] body) {
        assertEquals(expected, JsonShape.of(body), () -> new String(body, StandardCharsets.UTF_8));
        assertEquals(expected, jackson(body), "Jackson agrees");
    }

    private static List<byte[]> samples() throws IOException, URISyntaxException {
        List<byte[]> bodies = new ArrayList<>();
        for (String dir : List.of("/org/vaxslots/samples/cowin", "/ResponseParserTest")) {
            try (Stream<Path> files = Files.list(Path.of(JsonShapeTest.class.getResource(dir).toURI()))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    bodies.add(Files.readAllBytes(f));
                }
            }
        }
        return bodies;
    }

    @Test
    void everyRealSample_isWholeJson_asJacksonSays() throws Exception {
        List<byte[]> samples = samples();
        assertTrue(samples.size() >= 20, "the repository's Co-WIN samples are found");
        for (byte[] s : samples) {
            assertEquals(JsonShape.Shape.OTHER, JsonShape.of(s));
            assertEquals(jackson(s), JsonShape.of(s));
        }
    }

    @Test
    void damagedSamples_agreeWithJackson() throws Exception {
        byte[] significant = "{}[]\":,\\ \t\r\n0123456789-+.eEtrufalsn/bux\u0001A".getBytes(StandardCharsets.ISO_8859_1);
        SplittableRandom random = new SplittableRandom(20211128);
        int invalid = 0;
        int cases = 0;
        for (byte[] sample : samples()) {
            byte[] small = sample.length > 4000 ? java.util.Arrays.copyOf(sample, 4000) : sample;
            for (int k = 0; k < 400; k++) {
                byte[] damaged = switch (k % 4) {
                    case 0 -> java.util.Arrays.copyOf(sample, random.nextInt(sample.length)); // cut short
                    case 1 -> { // one byte replaced
                        byte[] d = small.clone();
                        d[random.nextInt(d.length)] = significant[random.nextInt(significant.length)];
                        yield d;
                    }
                    case 2 -> { // one byte removed
                        int at = random.nextInt(small.length);
                        byte[] d = new byte[small.length - 1];
                        System.arraycopy(small, 0, d, 0, at);
                        System.arraycopy(small, at + 1, d, at, small.length - at - 1);
                        yield d;
                    }
                    default -> { // one byte inserted
                        int at = random.nextInt(small.length + 1);
                        byte[] d = new byte[small.length + 1];
                        System.arraycopy(small, 0, d, 0, at);
                        d[at] = significant[random.nextInt(significant.length)];
                        System.arraycopy(small, at, d, at + 1, small.length - at);
                        yield d;
                    }
                };
                JsonShape.Shape expected = jackson(damaged);
                assertEquals(expected, JsonShape.of(damaged), () -> "disagrees with Jackson on: "
                        + new String(damaged, StandardCharsets.UTF_8));
                invalid += expected == JsonShape.Shape.NOT_WHOLE_JSON ? 1 : 0;
                cases++;
            }
        }
        // The damage must reach both answers, or the agreement proves little.
        assertTrue(invalid > cases / 4 && invalid < cases, invalid + " invalid of " + cases);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"centers\":[]}", " {\"sessions\" : [ ] }\r\n", "\uFEFF{\"centers\":[]}"})
    void emptyLists(String body) {
        assertShape(JsonShape.Shape.EMPTY_LIST, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "{\"centers\":[{}]}", "{\"a\":[],\"b\":1}", "{\"centers\":{}}", "[[]]", "0", "-0.5e+10", "\"x\"",
        "true", "null", "{\"name\":\"\u0915\u094b\u0932\u094d\u0932\u092e \u20b9 \ud83d\ude00\"}", "{\"a\":\"\\u00e9\\n\\/\"}",
        "[1, 2.0, -3E2, false]", "{\"a\":{\"b\":{\"c\":[null]}}}"})
    void wholeDocuments(String body) {
        assertShape(JsonShape.Shape.OTHER, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "{", "{\"centers\":[", "{\"centers\":[]", "{\"centers\":[]}}", "{} {}", "{\"a\":1,}", "[1,]", "[01]",
        "[1.]", "[.5]", "[+1]", "[-]", "[1e]", "[NaN]", "{'a':1}", "{a:1}", "[tru]", "[truex]", "{\"a\" 1}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"tab\there\"}", "<html><body>403</body></html>",
        "{\"centers\":[]}<"})
    void brokenDocuments(String body) {
        assertShape(JsonShape.Shape.NOT_WHOLE_JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void brokenUtf8_isInvalid() {
        byte[][] cases = {
            {'"', (byte) 0xE0, (byte) 0xA4, '"'},          // a three-byte sequence cut short
            {'"', (byte) 0x80, '"'},                        // a continuation byte alone
            {'"', (byte) 0xC3, 'A', '"'},                   // a lead byte without its continuation
            {'"', (byte) 0xFF, '"'},                        // never in UTF-8
        };
        for (byte[] c : cases) {
            assertShape(JsonShape.Shape.NOT_WHOLE_JSON, c);
        }
    }

    @Test
    void nesting_isLimitedWhereJacksonLimitsIt() {
        String deepest = "[".repeat(JsonShape.MAX_DEPTH) + "]".repeat(JsonShape.MAX_DEPTH);
        String tooDeep = "[".repeat(JsonShape.MAX_DEPTH + 1) + "]".repeat(JsonShape.MAX_DEPTH + 1);
        byte[] ok = deepest.getBytes(StandardCharsets.US_ASCII);
        byte[] deep = tooDeep.getBytes(StandardCharsets.US_ASCII);
        assertShape(JsonShape.Shape.OTHER, ok);
        assertShape(JsonShape.Shape.NOT_WHOLE_JSON, deep);
    }
}
