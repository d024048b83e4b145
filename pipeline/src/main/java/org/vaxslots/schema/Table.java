package org.vaxslots.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every table of the data root, who writes it and how it is partitioned. Their schemas are
 * data-schema/tables/*.avsc, shipped in the jar and read only here: the single source of truth
 * for column names, types and nullability.
 */
public enum Table {
    FETCHES("fetches", Writer.NORMALIZE),
    CENTERS("centers", Writer.NORMALIZE),
    SESSIONS("sessions", Writer.NORMALIZE),
    REJECTS("rejects", Writer.NORMALIZE),
    SCHEMA_EVENTS("schema_events", Writer.NORMALIZE),
    LISTED_DISTRICTS("listed_districts", Writer.NORMALIZE),
    SESSION_HISTORY("session_history", Writer.COMPACT),
    SWEEP_DISTRICT_SESSIONS("sweep_district_sessions", Writer.COMPACT);

    /**
     * The job that writes a table. Normalize writes one partition per sweep
     * ({@code sweep_id=ID}) from raw; compact derives one per session date ({@code session_date=D})
     * from sessions.
     */
    public enum Writer { NORMALIZE, COMPACT }

    private final String tableName;
    private final Writer writer;
    private volatile Schema schema;

    Table(String tableName, Writer writer) {
        this.tableName = tableName;
        this.writer = writer;
    }

    /** The tables normalize writes, in the order they are listed above. */
    public static List<Table> normalized() {
        return Arrays.stream(values()).filter(t -> t.writer == Writer.NORMALIZE).toList();
    }

    /** The tables compact derives from sessions. */
    public static List<Table> derived() {
        return Arrays.stream(values()).filter(t -> t.writer == Writer.COMPACT).toList();
    }

    public static Table named(String tableName) {
        for (Table t : values()) {
            if (t.tableName.equals(tableName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no table named '" + tableName + "'");
    }

    public Writer writer() {
        return writer;
    }

    public String tableName() {
        return tableName;
    }

    public String resource() {
        return "/data-schema/tables/" + tableName + ".avsc";
    }

    public Schema schema() {
        Schema s = schema;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (schema != null) {
                return schema;
            }
            try (InputStream in = Table.class.getResourceAsStream(resource())) {
                if (in == null) {
                    throw new IllegalStateException(resource() + " is not on the classpath: rebuild the jar");
                }
                s = new Schema.Parser().parse(in);
                schema = s;
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource(), e);
            }
        }
    }
}
