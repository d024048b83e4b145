package org.vaxslots.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaxslots.schema.Table;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;

/**
 * Publishes a staged sweep (every slice staged, see {@link SweepNormalizer}): each table's
 * partition directory, with all its slices' files, is moved into place in one rename
 * (an older partition of the same sweep is moved aside first and deleted after), then the sweep's
 * marker records which raw files it was built from. A crash before the marker is written only
 * means the sweep is normalized again next run.
 */
public final class SweepPublisher {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepPublisher() {}

    public static void publish(DataRoot root, SweepNormalizer.Result result) throws IOException {
        Path staging = Path.of(result.stagingDir());
        // A sweep being republished (--rebuild, perhaps by a newer version) has no marker until all
        // its partitions are new: readers skip it meanwhile, and a kill in between leaves it pending
        // rather than marked done over a mix of old and new partitions.
        Files.deleteIfExists(root.normalizedMarker(result.sweepId()));
        for (Table t : Table.normalized()) {
            Path target = root.tablePartition(t.tableName(), result.sweepId());
            Path aside = null;
            if (Files.exists(target)) {
                aside = root.replacedAside();
                AtomicFiles.publish(target, aside);
            }
            AtomicFiles.publish(staging.resolve(t.tableName()), target);
            if (aside != null) {
                AtomicFiles.deleteTree(aside);
            }
        }
        AtomicFiles.writeAtomically(root.normalizedMarker(result.sweepId()), marker(root, result));
        AtomicFiles.deleteTree(staging);
    }

    /** The marker holds no clock time, so re-running over the same raw files writes the same bytes. */
    private static byte[] marker(DataRoot root, SweepNormalizer.Result result) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", result.sweepId());
        m.put("raw_files", SweepCatalog.rawFileSizes(root, result.rawFiles()));
        m.put("responses", result.responses());
        m.put("centers", result.centers());
        m.put("sessions", result.sessions());
        m.put("rejects", result.rejects());
        m.put("schema_events", result.schemaEvents());
        return JSON.writeValueAsBytes(m);
    }
}
