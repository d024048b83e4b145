package org.vaxslots.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Samples;

class DuckDbTest {
    private static final Instant AS_OF = Instant.parse("2021-05-24T06:30:00Z");

    @TempDir
    Path dir;

    private static long sessions(DataRoot root) throws Exception {
        try (DuckDb db = DuckDb.open(root); Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sessions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void views_sweepWithoutItsMarker_isNotReadAsIfComplete() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        ImportJob.run(root, new ImportJob.Request("s", AS_OF, null, Map.of(),
                List.of(Samples.writeTo(dir.resolve("in"), List.of(Samples.availabilityNames().get(5))))), AS_OF, w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        long published = sessions(root);
        Files.delete(root.normalizedMarker("s"));
        long halfPublished = sessions(root);

        assertEquals(247, published);
        assertEquals(0, halfPublished);
    }

    @Test
    void open_normalizedRoot_viewOfEveryTableNormalizeWrites() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        ImportJob.run(root, new ImportJob.Request("s", AS_OF, null, Map.of(),
                List.of(Samples.writeTo(dir.resolve("in"), List.of(Samples.availabilityNames().get(5))))), AS_OF, w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        try (DuckDb db = DuckDb.open(root); Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT string_agg(column_name, ',' ORDER BY column_index)"
                        + " FROM duckdb_columns() WHERE table_name = 'listed_districts'")) {
            rs.next();
            assertEquals(List.of("fetches", "centers", "sessions", "rejects", "schema_events", "listed_districts"), db.tables());
            assertEquals("sweep_id,fetch_id,state_id,district_id,district_name", rs.getString(1));
        }
    }
}
