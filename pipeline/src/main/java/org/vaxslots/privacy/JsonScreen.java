package org.vaxslots.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaxslots.audit.PersonalPatterns;
import org.vaxslots.privacy.PersonalDataScreen.Finding;

/**
 * A JSON body screened as JSON, in one streaming pass (Jackson tokens, no tree; work and memory
 * grow with the body's size and nesting depth only): each key against {@link PersonalKeys}, a
 * {@code name} beside a {@code birth_year} in one object, each string against its field's public
 * shape ({@link PublicFields}) and, when it has none, against {@link TextSigns}; a whole number
 * under a field that is not a public number is judged by its digits, a number with a fraction
 * never. The first finding stops the walk.
 */
final class JsonScreen {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(1000).maxStringLength(64 * 1024 * 1024).maxNumberLength(1000).build())
            .build();

    /** One open object or array: where it is, and for an object what it has shown so far. */
    private static final class Frame {
        boolean array;
        int index = -1;
        String key;
        KeyInfo info;
        boolean name;
        boolean birthYear;
    }

    /** What is known about one key, computed once per distinct key of a body. */
    private record KeyInfo(String normalized, boolean personal, PublicFields.Shape shape, Optional<TextSigns.Sign> sign) {}

    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, KeyInfo> keys = new HashMap<>();
    private int depth;

    private JsonScreen() {}

    /**
     * The first finding in a body that is JSON, empty when it is clean JSON.
     *
     * @throws IOException when the body is not (all) JSON: the caller screens it as text
     */
    static Optional<Finding> scan(byte[] body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonScreen s = new JsonScreen();
            Optional<Finding> f = s.walk(p);
            if (f.isEmpty() && p.nextToken() != null) {
                throw new IOException("content after the JSON value");
            }
            return f;
        }
    }

    private Optional<Finding> walk(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new IOException("no JSON value");
        }
        do {
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    element();
                    push(t == JsonToken.START_ARRAY);
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    Optional<Finding> f = key(p.currentName());
                    if (f.isPresent()) {
                        return f;
                    }
                }
                case VALUE_STRING -> {
                    element();
                    Optional<Finding> f = string(p);
                    if (f.isPresent()) {
                        return f;
                    }
                }
                case VALUE_NUMBER_INT -> {
                    element();
                    KeyInfo field = field();
                    if (field == null || field.shape() != PublicFields.Shape.NUMBER) {
                        List<PersonalPatterns.Span> spans = PersonalPatterns.find(p.getText());
                        if (!spans.isEmpty()) {
                            return Optional.of(new Finding(spans.get(0).kind().name(), path()));
                        }
                    }
                }
                default -> element();
            }
            if (depth == 0) {
                return Optional.empty();
            }
            t = p.nextToken();
        } while (t != null);
        throw new IOException("JSON ends early");
    }

    private void push(boolean array) {
        if (frames.size() == depth) {
            frames.add(new Frame());
        }
        Frame f = frames.get(depth++);
        f.array = array;
        f.index = -1;
        f.key = null;
        f.info = null;
        f.name = false;
        f.birthYear = false;
    }

    /** A value starts: in an array, it is the next element. */
    private void element() {
        if (depth > 0) {
            Frame f = frames.get(depth - 1);
            if (f.array) {
                f.index++;
            }
        }
    }

    private Optional<Finding> key(String key) {
        Frame f = frames.get(depth - 1);
        f.key = key;
        KeyInfo info = keys.computeIfAbsent(key, JsonScreen::info);
        f.info = info;
        if (info.sign().isPresent()) {
            return Optional.of(new Finding(info.sign().get().kind() + " in a key", path()));
        }
        if (info.personal()) {
            String top = depth == 1 ? PersonalKeys.protectedResponse(info.normalized()) : null;
            return Optional.of(new Finding(top != null ? top : "key " + PersonalKeys.printable(key), path()));
        }
        f.name |= info.normalized().equals(PersonalKeys.NAME);
        f.birthYear |= info.normalized().equals(PersonalKeys.BIRTH_YEAR);
        if (f.name && f.birthYear) {
            f.key = null;
            return Optional.of(new Finding(TextSigns.NAME_KIND, path()));
        }
        return Optional.empty();
    }

    private static KeyInfo info(String key) {
        String n = PersonalKeys.normalize(key);
        return new KeyInfo(n, PersonalKeys.isPersonal(n), PublicFields.shapeOf(key), TextSigns.first(key));
    }

    private Optional<Finding> string(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        KeyInfo field = field();
        if (field != null && field.shape() != null && field.shape().accepts(chars, off, len)) {
            return Optional.empty();
        }
        if (!TextSigns.mayHaveSign(chars, off, len)) {
            return Optional.empty();
        }
        return TextSigns.first(new String(chars, off, len)).map(s -> new Finding(s.kind(), path()));
    }

    /** The key the current value belongs to: its member's, or for an array element the array's. */
    private KeyInfo field() {
        for (int d = depth - 1; d >= 0; d--) {
            Frame f = frames.get(d);
            if (!f.array) {
                return f.key == null ? null : f.info;
            }
        }
        return null;
    }

    /** Where the current token is, e.g. {@code $.centers[3].address}; keys that are not plain names are markers. */
    private String path() {
        StringBuilder sb = new StringBuilder("$");
        for (int d = 0; d < depth; d++) {
            Frame f = frames.get(d);
            if (f.array) {
                if (f.index >= 0) {
                    sb.append('[').append(f.index).append(']');
                }
            } else if (f.key != null) {
                sb.append('.').append(PersonalKeys.printable(f.key));
            }
        }
        return sb.toString();
    }
}
