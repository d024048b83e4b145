package org.vaxslots.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.vaxslots.model.FetchOutcome;

/** What the crawler needs to know of a body: is it whole JSON, is it empty, and the ids of a list. */
final class Bodies {
    /** Decoded bodies are cut here: a guard against gzip bombs. */
    static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private Bodies() {}

    static byte[] decoded(Exchange x) throws IOException {
        if (!"gzip".equalsIgnoreCase(x.header("Content-Encoding"))) {
            return x.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(x.body()))) {
            byte[] out = in.readNBytes(MAX_DECODED_BYTES + 1);
            if (out.length > MAX_DECODED_BYTES) {
                throw new IOException("gzip body inflates past " + MAX_DECODED_BYTES + " bytes");
            }
            return out;
        }
    }

    /**
     * The crawler's outcome of a 2xx body: {@code EMPTY} for an empty list ({"centers":[]},
     * {"sessions":[]}), {@code INVALID_BODY} for a body that is not one whole JSON document (or a
     * gzip body that does not inflate), else {@code OK}. Normalize later judges whole documents by
     * shape too (see {@link FetchOutcome}).
     */
    static FetchOutcome outcome(Exchange x) {
        byte[] body;
        try {
            body = decoded(x);
        } catch (IOException e) {
            return FetchOutcome.INVALID_BODY;
        }
        return switch (JsonShape.of(body)) {
            case NOT_WHOLE_JSON -> FetchOutcome.INVALID_BODY;
            case EMPTY_LIST -> FetchOutcome.EMPTY;
            case OTHER -> FetchOutcome.OK;
        };
    }

    /**
     * The integer {@code idField} of every element of the root's list {@code listField}; elements
     * without one (or with a non-integer one) are skipped. Read with the streaming parser: the tree
     * model would load some 400 classes, a tenth of a second of every crawler's start.
     */
    static List<Integer> ids(byte[] body, String listField, String idField) throws IOException {
        List<Integer> ids = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return ids;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals(listField) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    Integer id = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken t = p.nextToken();
                        if (field.equals(idField) && t == JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() == JsonParser.NumberType.INT) {
                            id = p.getIntValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (id != null) {
                        ids.add(id);
                    }
                }
                return ids;
            }
        }
        return ids;
    }
}
