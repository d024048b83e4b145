package org.vaxslots.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaxslots.privacy.PersonalDataScreen;

/**
 * What a rejects row may show of its input: enough to debug (where, the keys and JSON types around
 * the fault, the first characters of a body that is not JSON), never personal data.
 *
 * <p>A JSON input is rendered as JSON text again, at most {@link #MAX_CHARS} characters: keys,
 * numbers, true/false/null as sent; a string only where the Co-WIN schema puts a public string
 * (a center's name or address, a session's date, a slot's time, …) and the input shows no sign of
 * personal data; every other string as {@code <string:N>}, N its length in characters. Where the
 * input stops being JSON, {@code <not JSON here>}. A body that is not JSON at all is shown by its
 * first characters. Every key and value, and then the whole snippet, passes through
 * {@link PersonalDataScreen#maskSnippet}, which turns what looks personal into its own marker
 * ({@code <kind:length>}). The same rules keep values out of the readable reasons.
 */
final class RejectSnippets {
    static final int MAX_CHARS = 300;
    static final String NOT_JSON_HERE = "<not JSON here>";

    private static final int MAX_KEY_CHARS = 40;
    private static final List<String> CENTER_STRINGS = List.of("name", "address", "state_name", "district_name",
            "block_name", "pincode", "from", "to", "fee_type");
    private static final List<String> SESSION_STRINGS = List.of("session_id", "date", "vaccine", "slots[]", "slots[].time");
    /** Paths (array indexes dropped) whose string values are public Co-WIN data. */
    private static final Set<String> PUBLIC_STRINGS = publicStrings();
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9 ./-]{1,12}");
    private static final Pattern ID_LIKE = Pattern.compile("[0-9A-Fa-f-]{1,64}");
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Set<String> JACKSON_WORDS = Set.of("null", "true", "false", "NaN", "INF", "Infinity");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(64).build())
            .build();

    private RejectSnippets() {}

    /**
     * A whole body. {@code shapeKnown} false (an unknown shape, an API error): no string is shown,
     * since no field of it is known to be public.
     */
    static String body(byte[] body, boolean shapeKnown) {
        if (!startsLikeJson(body)) {
            return text(body);
        }
        boolean showStrings = shapeKnown && PersonalDataScreen.body(body).isEmpty();
        try (JsonParser p = FACTORY.createParser(body)) {
            String rendered = render(p, "", showStrings);
            // Not JSON from the first token on (e.g. bytes that read as UTF-32): its first characters.
            return rendered == null ? text(body) : rendered;
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body failed", e);
        }
    }

    /** One center, session or session row, at {@code recordPath} (e.g. centers[3].sessions[1]). */
    static String record(JsonNode node, String recordPath) {
        String base = recordPath.replaceAll("\\[[0-9]+]", "[]");
        boolean showStrings = PersonalDataScreen.body(node.toString().getBytes(StandardCharsets.UTF_8)).isEmpty();
        try (JsonParser p = node.traverse()) {
            return render(p, base, showStrings);
        } catch (IOException e) {
            throw new IllegalStateException("reading a JSON tree failed", e);
        }
    }

    /** The first characters of a body that is not JSON (an HTML page, a text answer). */
    static String text(byte[] body) {
        int n = Math.min(body.length, MAX_CHARS * 4);
        return finish(new String(body, 0, n, StandardCharsets.UTF_8));
    }

    /** A value for a reason: a string by its length only, anything else as sent (screened). */
    static String value(JsonNode value) {
        if (value.isTextual()) {
            return stringOf(value.textValue().length());
        }
        if (value.isContainerNode()) {
            return JsonFields.typeName(value);
        }
        return screened(value.toString(), 60);
    }

    /** A string for a reason: shown when it is shaped like a date, else by its length. */
    static String dateText(String text) {
        return DATE_LIKE.matcher(text).matches() ? screened(text, 60) : "(" + stringOf(text.length()) + ")";
    }

    /** A string for a reason: shown when it is shaped like a Co-WIN id (UUID, digits), else by its length. */
    static String idText(String text) {
        return ID_LIKE.matcher(text).matches() ? screened(text, 64) : "(" + stringOf(text.length()) + ")";
    }

    /** A string for a reason: shown when it is shaped like an error code, else by its length. */
    static String codeText(String text) {
        return text == null ? "null" : CODE_LIKE.matcher(text).matches() ? text : "(" + stringOf(text.length()) + ")";
    }

    /** Any text for a reason, screened and clipped. */
    static String screened(String text, int maxChars) {
        String masked = PersonalDataScreen.maskSnippet(text);
        return masked.length() <= maxChars ? masked : masked.substring(0, maxChars) + "…";
    }

    /**
     * A JSON parser's message without the input it quotes ("Unrecognized token 'ravi'" names the
     * token): a quoted token of two or more characters becomes {@code <text:N>}; the kind of error
     * and Jackson's own words stay.
     */
    static String parserMessage(String message) {
        if (message == null) {
            return "";
        }
        String withoutTokens = QUOTED.matcher(message).replaceAll(m -> {
            String token = m.group(1);
            return token.length() < 2 || JACKSON_WORDS.contains(token) ? Matcher.quoteReplacement(m.group())
                    : "<text:" + token.length() + ">";
        });
        return screened(withoutTokens.replace('\n', ' '), 200);
    }

    private static String stringOf(int length) {
        return "a string of " + length + " characters";
    }

    private static String render(JsonParser p, String base, boolean showStrings) throws IOException {
        StringBuilder out = new StringBuilder();
        Deque<String> containers = new ArrayDeque<>();
        Deque<boolean[]> hasMembers = new ArrayDeque<>();
        String key = null;
        try {
            JsonToken t;
            while (out.length() < MAX_CHARS && (t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    out.append(t == JsonToken.END_OBJECT ? '}' : ']');
                    containers.pop();
                    hasMembers.pop();
                    continue;
                }
                if (t == JsonToken.FIELD_NAME) {
                    separate(out, hasMembers);
                    key = p.currentName();
                    out.append('"').append(key.length() > MAX_KEY_CHARS ? "<key:" + key.length() + ">"
                            : PersonalDataScreen.maskSnippet(key)).append("\":");
                    continue;
                }
                String parent = containers.isEmpty() ? base : containers.peek();
                String path = key != null ? (parent.isEmpty() ? key : parent + "." + key)
                        : containers.isEmpty() ? base : parent + "[]";
                if (key == null) {
                    separate(out, hasMembers);
                }
                key = null;
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        out.append(t == JsonToken.START_OBJECT ? '{' : '[');
                        containers.push(path);
                        hasMembers.push(new boolean[] {false});
                    }
                    case VALUE_STRING -> out.append(showStrings && PUBLIC_STRINGS.contains(path)
                            ? "\"" + PersonalDataScreen.maskSnippet(p.getText()) + "\""
                            : "<string:" + p.getTextLength() + ">");
                    default -> out.append(PersonalDataScreen.maskSnippet(p.getText()));
                }
            }
        } catch (IOException e) {
            if (out.isEmpty() && base.isEmpty()) {
                return null;
            }
            out.append(NOT_JSON_HERE);
        }
        return finish(out.toString());
    }

    private static void separate(StringBuilder out, Deque<boolean[]> hasMembers) {
        if (hasMembers.isEmpty()) {
            return;
        }
        boolean[] seen = hasMembers.peek();
        if (seen[0]) {
            out.append(',');
        }
        seen[0] = true;
    }

    private static String finish(String snippet) {
        String masked = PersonalDataScreen.maskSnippet(snippet.replace('\u0000', '\uFFFD'));
        return masked.length() <= MAX_CHARS ? masked : masked.substring(0, MAX_CHARS);
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static Set<String> publicStrings() {
        Set<String> paths = new HashSet<>(List.of("errorCode", "states[].state_name", "districts[].district_name",
                "[].state_name", "[].district_name", "sessions[].fee"));
        for (String center : List.of("centers[]", "centers", "[]")) {
            CENTER_STRINGS.forEach(f -> paths.add(center + "." + f));
            SESSION_STRINGS.forEach(f -> paths.add(center + ".sessions[]." + f));
            paths.add(center + ".vaccine_fees[].vaccine");
            paths.add(center + ".vaccine_fees[].fee");
        }
        CENTER_STRINGS.forEach(f -> paths.add("sessions[]." + f));
        SESSION_STRINGS.forEach(f -> paths.add("sessions[]." + f));
        return Set.copyOf(paths);
    }
}
