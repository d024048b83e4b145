package org.vaxslots.normalize;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.schema.Table;
import org.vaxslots.schema.TableRows;

/** Folds the schema observations of a sweep's responses into one row per endpoint, path, event and detail. */
final class SchemaEventLog {
    private record Key(String endpoint, String path, String event, String detail) {}

    private static final class Entry {
        final String firstFetchId;
        final Instant firstSeenAt;
        long occurrences;

        Entry(String firstFetchId, Instant firstSeenAt) {
            this.firstFetchId = firstFetchId;
            this.firstSeenAt = firstSeenAt;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    void add(FetchContext ctx, List<SchemaObservation> observations) {
        for (SchemaObservation o : observations) {
            Key key = new Key(ctx.endpoint().apiName(), o.path(), o.event(), o.detail());
            entries.computeIfAbsent(key, k -> new Entry(ctx.fetchId(), ctx.asOfAt())).occurrences += o.occurrences();
        }
    }

    List<GenericRecord> rows(String sweepId) {
        return entries.entrySet().stream().map(e -> {
            GenericRecord r = TableRows.empty(Table.SCHEMA_EVENTS);
            r.put("sweep_id", sweepId);
            r.put("endpoint", e.getKey().endpoint());
            r.put("path", e.getKey().path());
            r.put("event", e.getKey().event());
            r.put("detail", e.getKey().detail());
            r.put("first_fetch_id", e.getValue().firstFetchId);
            r.put("first_seen_at", TableRows.timestamp(e.getValue().firstSeenAt));
            r.put("occurrences", e.getValue().occurrences);
            return TableRows.checked(r);
        }).toList();
    }
}
