package org.vaxslots.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.store.DataRoot;

/**
 * What a sweep has already captured, read back from its published raw files: the requests that
 * got a usable answer (so a resumed sweep does not fetch them again) and their bodies. A 304 to a
 * conditional request (a revisit record) is a usable answer; its body is empty here, since only
 * the state and district lists, which are never asked conditionally, need one.
 */
final class ArchivedSweep {
    private final Map<String, byte[]> captured = new HashMap<>();

    static ArchivedSweep read(DataRoot root, String sweepId) throws IOException {
        ArchivedSweep sweep = new ArchivedSweep();
        for (Path file : RawFiles.list(root, sweepId)) {
            WarcArchiveReader.read(file, root.relative(file), r -> {
                String outcome = r.field(RawHeaders.OUTCOME);
                boolean answered = "response".equals(r.warcType()) || "revisit".equals(r.warcType());
                if (answered && ("ok".equals(outcome) || "empty".equals(outcome))) {
                    sweep.captured.put(key(r.field(RawHeaders.ENDPOINT), r.field(RawHeaders.PARAMS)), r.body());
                }
            }, damage -> { });
        }
        return sweep;
    }

    static String key(String endpoint, String params) {
        return endpoint + "?" + params;
    }

    byte[] body(String key) {
        return captured.get(key);
    }

    boolean has(String key) {
        return captured.containsKey(key);
    }

    int size() {
        return captured.size();
    }
}
