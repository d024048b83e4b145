package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** JsonBytes gives exactly the bytes StringBuilder then UTF-8 gave, for names and numbers of any kind. */
class JsonBytesTest {
    private static final List<String> NAMES = List.of("", "Thiruvananthapuram", "Nicobar ", "Dadra \"and\" Nagar\\Haveli",
            "line\nbreak\ttab\rcr\u0001ctl", "Mālda", "कोलकाता", "emoji \uD83D\uDC89 end", "lone \uD800 surrogate", "\uDC00",
            "\u007f\u0080\u07ff\u0800\uffff");
    private static final long[] NUMBERS = {0, 7, -7, 10, 99, 100, 560032, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE, -1_000_000_000_000L};

    @Test
    void str_namesWithEscapesNonAsciiAndSurrogates_sameBytesAsStringBuilderThenUtf8() {
        for (String name : NAMES) {
            JsonBytes bytes = new JsonBytes(4);
            StringBuilder sb = new StringBuilder();

            ResponseBodies.str(bytes.append("{\"name\":"), name).append('}');
            ResponseBodies.str(sb.append("{\"name\":"), name).append('}');

            assertArrayEquals(sb.toString().getBytes(StandardCharsets.UTF_8), bytes.toBytes(), name);
        }
    }

    @Test
    void append_numbersAndBooleans_sameTextAsStringBuilder() {
        JsonBytes bytes = new JsonBytes(1);
        StringBuilder sb = new StringBuilder();
        for (long n : NUMBERS) {
            bytes.append(n).append(',').append((int) n).append(',');
            sb.append(n).append(',').append((int) n).append(',');
        }
        bytes.append(true).append(false);
        sb.append(true).append(false);

        assertArrayEquals(sb.toString().getBytes(StandardCharsets.UTF_8), bytes.toBytes());
    }

    /** Each value beside the text Python's repr and JavaScript's String() give it (the shortest that reads back). */
    @Test
    void appendShortest_fractionalCapacities_sameTextAsJavaScriptAndPython() {
        double[] values = {62.5, 12.5, 0.5, 100.7 - 100, 50.8 - 40, 150.3 - 100.3, 100.1 - 50.1, 57.8, 0, 300.5};
        String expected = "62.5,12.5,0.5,0.7000000000000028,10.799999999999997,50.000000000000014,49.99999999999999,"
                + "57.8,0,300.5,";
        JsonBytes bytes = new JsonBytes(1);
        for (double v : values) {
            bytes.appendShortest(v).append(',');
        }

        assertEquals(expected, new String(bytes.toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void str_randomStrings_sameBytesAsStringBuilderThenUtf8() {
        SplittableRandom random = new SplittableRandom(42);
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\u0000', '\u001f', 'é', 'क', '\uD83D', '\uDC89', '\uffff'};
        for (int n = 0; n < 2000; n++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(chars);

            byte[] actual = ResponseBodies.str(new JsonBytes(2), s).toBytes();

            assertArrayEquals(ResponseBodies.str(new StringBuilder(), s).toString().getBytes(StandardCharsets.UTF_8), actual, s);
        }
    }
}
