package org.vaxslots.raw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.SweepIds;

/**
 * Finds the capture a revisit record repeats. A 304 says "what you had is still true"; the body it
 * stands for is the {@code response} record, in the sweep named by {@link RawHeaders#REFERS_TO_SWEEP},
 * with the same endpoint and parameters and a captured outcome ({@link FetchOutcome#isCaptured}, as
 * the crawler judged it; a sweep captures each request once). A git import's revisit (an unchanged file of a commit's tree) stands for the {@code resource}
 * record of the same endpoint, parameters and {@link RawHeaders#SOURCE_FILE} (the path in the
 * repository: files of one commit may share a request). Raw files are never changed, so the
 * answer never changes either.
 *
 * <p>Each referenced sweep is indexed once (where each of its captures is) and bodies are read by
 * offset as needed; a few sweeps' indexes are kept, since the revisits of one sweep point at the
 * few sweeps before it.
 */
public final class Revisits {
    /** The answer: the revisit with the referenced body, or why there is none. */
    public record Resolved(ArchivedResponse response, String problem) {}

    private record Location(Path file, String rawFile, long offset) {}

    private static final int INDEXES_KEPT = 4;

    private final DataRoot root;
    private final Map<String, Map<String, Location>> indexes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Location>> eldest) {
            return size() > INDEXES_KEPT;
        }
    };

    public Revisits(DataRoot root) {
        this.root = root;
    }

    public static boolean isRevisit(ArchivedResponse r) {
        return "revisit".equals(r.warcType());
    }

    /** For a revisit record: the same record with the body of the capture it repeats, or the problem. */
    public Resolved resolve(ArchivedResponse revisit) throws IOException {
        String sweep = revisit.field(RawHeaders.REFERS_TO_SWEEP);
        String key = key(revisit);
        if (sweep == null || !SweepIds.isValid(sweep)) {
            return new Resolved(revisit, "a not-modified answer that names no valid sweep to repeat ("
                    + RawHeaders.REFERS_TO_SWEEP + ": " + sweep + ")");
        }
        Location at = index(sweep).get(key);
        if (at == null) {
            return new Resolved(revisit, "a not-modified answer for " + key + " whose capture is not in the raw files of sweep "
                    + sweep);
        }
        ArchivedResponse original = WarcArchiveReader.readAt(at.file(), at.rawFile(), at.offset());
        return new Resolved(new ArchivedResponse(revisit.rawFile(), revisit.offset(), revisit.fetchId(), revisit.warcType(),
                revisit.targetUri(), revisit.warcDate(), revisit.fields(), revisit.httpStatus(), revisit.serverDate(),
                revisit.serverAge(), revisit.etag(), original.body()), null);
    }

    private static String key(ArchivedResponse r) {
        String file = r.field(RawHeaders.SOURCE_FILE);
        return r.field(RawHeaders.ENDPOINT) + "?" + r.field(RawHeaders.PARAMS) + (file == null ? "" : " " + file);
    }

    private Map<String, Location> index(String sweep) throws IOException {
        Map<String, Location> index = indexes.get(sweep);
        if (index != null) {
            return index;
        }
        Map<String, Location> built = new HashMap<>();
        for (Path file : RawFiles.list(root, sweep)) {
            String rawFile = root.relative(file);
            WarcArchiveReader.read(file, rawFile, r -> {
                String outcome = r.field(RawHeaders.OUTCOME);
                if (("response".equals(r.warcType()) && FetchOutcome.isCaptured(outcome))
                        || "resource".equals(r.warcType())) {
                    built.putIfAbsent(key(r), new Location(file, rawFile, r.offset()));
                }
            }, damage -> { });
        }
        indexes.put(sweep, built);
        return built;
    }
}
