package org.vaxslots.compact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;

/**
 * Each sweep's input digest and sessions files, as {@link SweepInputs#list} last worked them out,
 * remembered between compact runs in {@code state/compact-inputs.tsv} (sweep id, marker bytes,
 * marker modification time in ms, sessions partition's modification time in ms or -1 when it has
 * none, digest, the sessions files separated by spaces; tab separated), keyed by what one stat
 * of the marker and one of the partition give. normalize replaces a sweep's partitions whole and
 * writes its marker after them, so a sweep normalized again has a new marker and a new partition
 * directory. Without this, every run read every marker and listed every sessions partition: 0.17 s
 * of a 0.29 s append after a month of 15-minute sweeps, growing with the history. Lines that cannot
 * be read are ignored, which costs only working that sweep out again.
 */
final class InputDigests {
    /** What a stat of the marker and of the sessions partition give, and what was worked out from them. */
    record Entry(long markerBytes, long markerMillis, long sessionsMillis, String digest, List<String> sessionFiles) {
        boolean sameFiles(Entry other) {
            return markerBytes == other.markerBytes && markerMillis == other.markerMillis
                    && sessionsMillis == other.sessionsMillis;
        }
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final Path file;
    private final Map<String, Entry> entries;
    private boolean changed;

    private InputDigests(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static InputDigests load(DataRoot root) throws IOException {
        Path file = root.compactInputs();
        Map<String, Entry> entries = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 6 && SHA256.matcher(f[4]).matches()) {
                    try {
                        entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4],
                                f[5].isEmpty() ? List.of() : List.copyOf(Arrays.asList(f[5].split(" ")))));
                    } catch (NumberFormatException e) {
                        // worked out again instead
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // the first compact of this data root, or of a vaxslots before this file
        }
        return new InputDigests(file, entries);
    }

    /** What was remembered for this sweep, when its marker and partition are still the ones it was worked out from. */
    Entry known(String sweepId, Entry now) {
        Entry known = entries.get(sweepId);
        return known != null && known.sameFiles(now) ? known : null;
    }

    /** Remembers an entry, unless a file name holds a tab, space or line break (it is then worked out every run). */
    void remember(String sweepId, Entry entry) {
        if (entry.sessionFiles().stream().anyMatch(f -> WHITESPACE.matcher(f).find())) {
            changed |= entries.remove(sweepId) != null;
            return;
        }
        if (!entry.equals(entries.put(sweepId, entry))) {
            changed = true;
        }
    }

    /** Saves the entries of these sweeps (the others' are dropped), when anything changed. */
    void save(Set<String> sweepIds) throws IOException {
        changed |= entries.keySet().retainAll(sweepIds);
        if (!changed) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        entries.forEach((id, e) -> sb.append(id).append('\t').append(e.markerBytes()).append('\t').append(e.markerMillis())
                .append('\t').append(e.sessionsMillis()).append('\t').append(e.digest()).append('\t')
                .append(String.join(" ", e.sessionFiles())).append('\n'));
        AtomicFiles.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        changed = false;
    }
}
