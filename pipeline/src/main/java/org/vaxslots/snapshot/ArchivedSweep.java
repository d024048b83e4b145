package org.vaxslots.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.store.DataRoot;

/**
 * What a sweep has already captured, read back from its published raw files: the requests whose
 * answer the crawler judged captured ({@link FetchOutcome#isCaptured}), so a resumed sweep does not
 * fetch them again, and the bodies of the state and district lists, the only ones a sweep reads (a
 * national sweep's calendars would be some 30 MB held for nothing). A 304 to a conditional request
 * (a revisit record) is a usable answer; lists are never asked conditionally.
 */
final class ArchivedSweep {
    private static final byte[] NO_BODY = new byte[0];

    private final Map<String, byte[]> captured = new HashMap<>();

    static ArchivedSweep read(DataRoot root, String sweepId) throws IOException {
        ArchivedSweep sweep = new ArchivedSweep();
        for (Path file : RawFiles.list(root, sweepId)) {
            WarcArchiveReader.read(file, root.relative(file), r -> {
                boolean answered = "response".equals(r.warcType()) || "revisit".equals(r.warcType());
                if (answered && FetchOutcome.isCaptured(r.field(RawHeaders.OUTCOME))) {
                    String endpoint = r.field(RawHeaders.ENDPOINT);
                    boolean list = Endpoint.STATES.apiName().equals(endpoint) || Endpoint.DISTRICTS.apiName().equals(endpoint);
                    sweep.captured.put(key(endpoint, r.field(RawHeaders.PARAMS)), list ? r.body() : NO_BODY);
                }
            }, damage -> { });
        }
        return sweep;
    }

    static String key(String endpoint, String params) {
        return endpoint + "?" + params;
    }

    /** The body of a captured list; empty for any other capture. */
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
