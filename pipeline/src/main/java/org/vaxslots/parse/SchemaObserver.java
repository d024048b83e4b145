package org.vaxslots.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaxslots.model.SchemaObservation;

/** Counts, per response, the fields that differ from the known schema. Insertion order is kept. */
final class SchemaObserver {
    private record Key(String path, String event, String detail) {}

    private final Map<Key, Long> counts = new LinkedHashMap<>();

    void record(String path, String event, String detail) {
        counts.merge(new Key(path, event, detail), 1L, Long::sum);
    }

    /** A field the schema expects that an object did not have, e.g. "centers[].sessions[].vaccine". */
    void missingField(String fieldPath) {
        record(fieldPath, SchemaObservation.MISSING_FIELD, "");
    }

    List<SchemaObservation> observations() {
        List<SchemaObservation> out = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> out.add(new SchemaObservation(k.path(), k.event(), k.detail(), n)));
        return out;
    }
}
