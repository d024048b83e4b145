package org.vaxslots.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * The tables normalize writes. Their schemas are data-schema/tables/*.avsc, shipped in the jar:
 * the single source of truth for column names, types and nullability.
 */
public enum Table {
    FETCHES("fetches"),
    CENTERS("centers"),
    SESSIONS("sessions"),
    REJECTS("rejects"),
    SCHEMA_EVENTS("schema_events"),
    LISTED_DISTRICTS("listed_districts");

    private final String tableName;
    private volatile Schema schema;

    Table(String tableName) {
        this.tableName = tableName;
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
