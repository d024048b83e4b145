package org.vaxslots.snapshot;

import java.util.Arrays;

/**
 * Whether a body is one whole JSON document (RFC 8259, UTF-8), and whether it is an empty list
 * such as {@code {"centers":[]}}: all the crawler must know of a body before it moves on, found in
 * one pass over the bytes with nothing decoded. The crawler asks this of every response while the
 * next request waits, so it is a plain scan rather than a parser: a streaming parser took about
 * 0.4 ms per national calendar response under the crawler's C1-only JIT, this a fraction of that.
 *
 * <p>It agrees with Jackson's strict reading ({@code JsonShapeTest} checks it against Jackson on
 * the samples and on thousands of damaged copies of them): nesting deeper than Jackson's default
 * limit of 1000, leading zeros, control characters in strings, bad escapes, broken UTF-8 and
 * anything but whitespace after the document are all invalid. A UTF-8 byte order mark is allowed
 * at the start, as Jackson allows it.
 */
final class JsonShape {
    /**
     * The crawler's reading of a body. {@code NOT_WHOLE_JSON} is the crawler's {@code invalid_body}
     * ({@link org.vaxslots.model.FetchOutcome}); normalize's "unknown shape" is a judgment of whole
     * documents, made later, and this scan does not make it.
     */
    enum Shape { NOT_WHOLE_JSON, EMPTY_LIST, OTHER }

    /** Jackson's default StreamReadConstraints.maxNestingDepth. */
    static final int MAX_DEPTH = 1000;

    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;

    private final byte[] b;
    private final int n;
    private int i;
    /** The first five tokens, as Jackson would name them: {, key, [, ], } is an empty list. */
    private final char[] first = new char[5];
    private int tokens;

    private JsonShape(byte[] bytes) {
        this.b = bytes;
        this.n = bytes.length;
    }

    static Shape of(byte[] body) {
        try {
            return new JsonShape(body).scan();
        } catch (Invalid e) {
            return Shape.NOT_WHOLE_JSON;
        }
    }

    /** Thrown at the first byte that cannot continue a JSON document; carries no stack. */
    private static final class Invalid extends Exception {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final Invalid INVALID = new Invalid();

    private Shape scan() throws Invalid {
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        byte[] stack = new byte[32];
        int depth = 0;
        skipSpace();
        while (true) {
            // A value starts at i.
            byte lead = next();
            switch (lead) {
                case '{', '[' -> {
                    if (depth == MAX_DEPTH) {
                        throw INVALID;
                    }
                    char close = lead == '{' ? '}' : ']';
                    token((char) lead);
                    skipSpace();
                    if (peek() == close) {
                        i++;
                        token(close);
                    } else {
                        depth++;
                        if (depth > stack.length) {
                            stack = Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[depth - 1] = lead == '{' ? OBJECT : ARRAY;
                        if (lead == '{') {
                            key();
                        }
                        continue;
                    }
                }
                case '"' -> {
                    string();
                    token('s');
                }
                case 't' -> literal("rue");
                case 'f' -> literal("alse");
                case 'n' -> literal("ull");
                default -> {
                    i--;
                    number();
                }
            }
            // A value ended at i: close what it closes, then expect the next one.
            while (true) {
                skipSpace();
                if (depth == 0) {
                    if (i != n) {
                        throw INVALID;
                    }
                    return tokens == 5 && first[0] == '{' && first[2] == '[' && first[3] == ']' && first[4] == '}'
                            ? Shape.EMPTY_LIST : Shape.OTHER;
                }
                byte c = next();
                if (c == ',') {
                    skipSpace();
                    if (stack[depth - 1] == OBJECT) {
                        key();
                    }
                    break;
                }
                if (c != (stack[depth - 1] == OBJECT ? '}' : ']')) {
                    throw INVALID;
                }
                token((char) c);
                depth--;
            }
        }
    }

    private void token(char kind) {
        if (tokens < first.length) {
            first[tokens] = kind;
        }
        tokens++;
    }

    /** A member's name and its colon; leaves i at the value. */
    private void key() throws Invalid {
        if (next() != '"') {
            throw INVALID;
        }
        string();
        token('k');
        skipSpace();
        if (next() != ':') {
            throw INVALID;
        }
        skipSpace();
    }

    private byte next() throws Invalid {
        if (i >= n) {
            throw INVALID;
        }
        return b[i++];
    }

    private byte peek() throws Invalid {
        if (i >= n) {
            throw INVALID;
        }
        return b[i];
    }

    private void skipSpace() {
        int at = i;
        while (at < n) {
            byte c = b[at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            at++;
        }
        i = at;
    }

    private void literal(String rest) throws Invalid {
        for (int k = 0; k < rest.length(); k++) {
            if (next() != rest.charAt(k)) {
                throw INVALID;
            }
        }
        token('l');
    }

    /** The rest of a string whose opening quote was read. */
    private void string() throws Invalid {
        i = stringEnd(b, i, n);
    }

    /**
     * Where the string whose content starts at {@code i} ends, just past its closing quote. Static,
     * on locals: under C1 a field read and written per byte cost twice the time of the whole scan.
     */
    private static int stringEnd(byte[] b, int i, int n) throws Invalid {
        while (i < n) {
            int c = b[i++];
            if (c == '"') {
                return i;
            }
            if (c >= 0x20 && c != '\\') {
                continue; // printable ASCII, the bulk of every body
            }
            if (c == '\\') {
                i = escapeEnd(b, i, n);
            } else if (c < 0) {
                i = utf8End(b, i, n, c & 0xFF);
            } else {
                throw INVALID; // a control character
            }
        }
        throw INVALID;
    }

    private static int escapeEnd(byte[] b, int i, int n) throws Invalid {
        if (i >= n) {
            throw INVALID;
        }
        switch (b[i++]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i;
            }
            case 'u' -> {
                if (i + 4 > n) {
                    throw INVALID;
                }
                for (int k = 0; k < 4; k++) {
                    if (Character.digit(b[i++], 16) < 0) {
                        throw INVALID;
                    }
                }
                return i;
            }
            default -> throw INVALID;
        }
    }

    /** The end of the multi-byte UTF-8 sequence whose lead byte {@code lead} was just read. */
    private static int utf8End(byte[] b, int i, int n, int lead) throws Invalid {
        int more = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
        if (more < 0 || i + more > n) {
            throw INVALID;
        }
        for (int k = 0; k < more; k++) {
            if ((b[i++] & 0xC0) != 0x80) {
                throw INVALID;
            }
        }
        return i;
    }

    /** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    private void number() throws Invalid {
        if (peek() == '-') {
            i++;
        }
        byte c = next();
        if (c == '0') {
            // no more integer digits: what follows is checked as the next token
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw INVALID;
        }
        if (i < n && b[i] == '.') {
            i++;
            requireDigits();
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            requireDigits();
        }
        token('n');
    }

    private void requireDigits() throws Invalid {
        byte c = next();
        if (c < '0' || c > '9') {
            throw INVALID;
        }
        digits();
    }

    private void digits() {
        int at = i;
        while (at < n && b[at] >= '0' && b[at] <= '9') {
            at++;
        }
        i = at;
    }
}
