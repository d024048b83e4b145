package org.vaxslots.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Schema drift as the real API drifted between eras, applied to every item of the response's
 * list (centers or session rows) so a test can see it on any item:
 * <ul>
 *   <li>{@code added}: an unknown field {@code "session_type":"ONLINE"} appended to each item;</li>
 *   <li>{@code missing}: {@code pincode} removed from each item;</li>
 *   <li>{@code retyped}: {@code pincode} turned into a string, the type the spec (not the data) gave it.</li>
 * </ul>
 */
final class SchemaDrift {
    enum Kind { ADDED, MISSING, RETYPED }

    static final String ADDED_FIELD = "session_type";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaDrift() {
    }

    static Kind kind(long draw) {
        return Kind.values()[Mix.below(draw, Kind.values().length)];
    }

    /** Null if the body is not a JSON object with the list key (e.g. an odd replay file). */
    static byte[] apply(byte[] body, String listKey, Kind kind) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
        JsonNode list = root == null ? null : root.get(listKey);
        if (list == null) {
            return null;
        }
        if (list.isObject()) {
            drift((ObjectNode) list, kind);
        } else {
            for (JsonNode item : list) {
                if (item.isObject()) {
                    drift((ObjectNode) item, kind);
                }
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-serialise a tree that was just parsed", e);
        }
    }

    private static void drift(ObjectNode item, Kind kind) {
        switch (kind) {
            case ADDED -> item.put(ADDED_FIELD, "ONLINE");
            case MISSING -> item.remove("pincode");
            case RETYPED -> {
                JsonNode pin = item.get("pincode");
                if (pin != null) {
                    item.put("pincode", pin.asText());
                }
            }
        }
    }
}
