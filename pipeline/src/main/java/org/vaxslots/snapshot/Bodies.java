package org.vaxslots.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** What the crawler needs to know of a body: is it whole JSON, is it empty, and the ids of a list. */
final class Bodies {
    /** Decoded bodies are cut here: a guard against gzip bombs. */
    static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /** "ok", "empty" ({"centers":[]}, {"sessions":[]}) or "invalid_body" (not whole JSON). */
    static String outcome(Exchange x) {
        try {
            byte[] body = decoded(x);
            int tokens = 0;
            boolean emptyList = false;
            try (JsonParser p = JSON.createParser(body)) {
                JsonToken t;
                JsonToken prev = null;
                while ((t = p.nextToken()) != null) {
                    tokens++;
                    if (tokens == 4 && prev == JsonToken.START_ARRAY && t == JsonToken.END_ARRAY) {
                        emptyList = true;
                    }
                    prev = t;
                }
            }
            if (tokens == 0) {
                return "invalid_body";
            }
            return emptyList && tokens == 5 ? "empty" : "ok";
        } catch (IOException e) {
            return "invalid_body";
        }
    }

    /** The integer {@code idField} of every element of the list {@code listField}. */
    static List<Integer> ids(byte[] body, String listField, String idField) throws IOException {
        JsonNode list = MAPPER.readTree(body).path(listField);
        List<Integer> ids = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.path(idField).canConvertToInt()) {
                ids.add(item.path(idField).intValue());
            }
        }
        return ids;
    }
}
