package org.vaxslots.normalize;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.schema.Table;
import org.vaxslots.schema.TableRows;

/**
 * Folds the schema observations of a sweep's responses into one row per endpoint, path, event and
 * detail, in order of first appearance. Serializable: each slice of a sweep keeps its own log, and
 * the sweep's is the slices' logs added in slice order.
 */
final class SchemaEventLog implements Serializable {
    private static final long serialVersionUID = 1L;

    private record Key(String endpoint, String path, String event, String detail) implements Serializable {}

    private static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        final String firstFetchId;
        final Instant firstSeenAt;
        long occurrences;

        Entry(String firstFetchId, Instant firstSeenAt) {
            this.firstFetchId = firstFetchId;
            this.firstSeenAt = firstSeenAt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && Objects.equals(firstFetchId, e.firstFetchId) && Objects.equals(firstSeenAt, e.firstSeenAt)
                    && occurrences == e.occurrences;
        }

        @Override
        public int hashCode() {
            return Objects.hash(firstFetchId, firstSeenAt, occurrences);
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    void add(FetchContext ctx, List<SchemaObservation> observations) {
        for (SchemaObservation o : observations) {
            Key key = new Key(ctx.endpoint().apiName(), o.path(), o.event(), o.detail());
            entries.computeIfAbsent(key, k -> new Entry(ctx.fetchId(), ctx.asOfAt())).occurrences += o.occurrences();
        }
    }

    /** Equal logs have the same entries in the same order (Beam compares values by this). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaEventLog other && List.copyOf(entries.entrySet()).equals(List.copyOf(other.entries.entrySet()));
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Adds a later slice's log: its new keys after ours, its first sightings only where ours has none. */
    void addAll(SchemaEventLog later) {
        for (Map.Entry<Key, Entry> e : later.entries.entrySet()) {
            Entry mine = entries.computeIfAbsent(e.getKey(), k -> new Entry(e.getValue().firstFetchId,
                    e.getValue().firstSeenAt));
            mine.occurrences += e.getValue().occurrences;
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
