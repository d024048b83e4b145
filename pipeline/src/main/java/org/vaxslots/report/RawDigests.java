package org.vaxslots.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;

/**
 * The sha256 of each raw file, for the pack manifest, remembered between reports in
 * {@code state/raw-sha256.tsv} (path under the data root, bytes, modification time in ms, sha256;
 * tab separated). Raw files are written once under a temporary name, renamed into place and never
 * rewritten, so a file whose size and modification time are those remembered is not read again:
 * without this every report read the whole archive (1.4 GB at scale M, growing with every sweep).
 * Any other file is read and its line replaced; lines of files that are gone are dropped; lines
 * that cannot be read are ignored, which costs only a re-read.
 */
final class RawDigests {
    private record Entry(long bytes, long modifiedMillis, String sha256) {}

    private final DataRoot root;
    private final Map<String, Entry> entries;
    private long filesRead;
    private boolean changed;

    private RawDigests(DataRoot root, Map<String, Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    static Path file(DataRoot root) {
        return root.rawDigests();
    }

    static RawDigests load(DataRoot root) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file(root), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && f[3].matches("[0-9a-f]{64}")) {
                    try {
                        entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                    } catch (NumberFormatException e) {
                        // re-read instead
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // the first report of this data root
        }
        return new RawDigests(root, entries);
    }

    /** The sha256 of a raw file named by its path under the data root. */
    String sha256(String relativePath) throws IOException {
        Path p = root.root().resolve(relativePath);
        long bytes = Files.size(p);
        long modified = Files.getLastModifiedTime(p).toMillis();
        Entry known = entries.get(relativePath);
        if (known != null && known.bytes() == bytes && known.modifiedMillis() == modified) {
            return known.sha256();
        }
        String sha = PackFacts.sha256(p);
        filesRead++;
        entries.put(relativePath, new Entry(bytes, modified, sha));
        changed = true;
        return sha;
    }

    /** Raw files read (not known) since {@link #load}. */
    long filesRead() {
        return filesRead;
    }

    void save() throws IOException {
        changed |= entries.keySet().removeIf(path -> !Files.isRegularFile(root.root().resolve(path)));
        if (!changed) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        entries.forEach((path, e) -> sb.append(path).append('\t').append(e.bytes()).append('\t').append(e.modifiedMillis())
                .append('\t').append(e.sha256()).append('\n'));
        AtomicFiles.writeAtomically(file(root), sb.toString().getBytes(StandardCharsets.UTF_8));
        changed = false;
    }
}
