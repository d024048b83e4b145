package org.vaxslots.normalize;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;

/**
 * Which sweeps need normalizing: those never normalized, those whose raw files changed since
 * (a resumed sweep adds files), and those missing a partition. Everything, with {@code rebuild}.
 */
public final class SweepCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepCatalog() {}

    public static List<String> pending(DataRoot root, boolean rebuild) throws IOException {
        List<String> out = new ArrayList<>();
        for (String sweepId : RawFiles.sweeps(root)) {
            if (rebuild || !upToDate(root, sweepId)) {
                out.add(sweepId);
            }
        }
        return out;
    }

    private static boolean upToDate(DataRoot root, String sweepId) throws IOException {
        Path marker = root.normalizedMarker(sweepId);
        if (!Files.exists(marker)) {
            return false;
        }
        // A rebuild killed between moving a partition aside and renaming the new one in leaves the
        // old marker: it vouches for the sweep only while every partition is in place.
        for (Table t : Table.normalized()) {
            if (!Files.isRegularFile(root.tablePartition(t.tableName(), sweepId).resolve(DataRoot.PART_FILE))) {
                return false;
            }
        }
        Map<String, Long> recorded = JSON.convertValue(JSON.readTree(marker.toFile()).path("raw_files"),
                new TypeReference<Map<String, Long>>() { });
        List<String> names = RawFiles.list(root, sweepId).stream().map(root::relative).toList();
        return rawFileSizes(root, names).equals(recorded);
    }

    static Map<String, Long> rawFileSizes(DataRoot root, List<String> rawFiles) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String f : rawFiles) {
            sizes.put(f, Files.size(root.root().resolve(f)));
        }
        return sizes;
    }
}
