package org.vaxslots.compact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;

/**
 * Each sweep's input digest and sessions files, as {@link SweepInputs#list} last worked them out,
 * remembered between compact runs in {@code state/compact-inputs.tsv}, keyed by what one stat of
 * the marker and one of the sessions partition give. normalize replaces a sweep's partitions whole
 * and writes its marker after them, so a sweep normalized again has a new marker and a new
 * partition directory. Without this, every run read every marker and listed every sessions
 * partition: 0.17 s of a 0.29 s append after a month of 15-minute sweeps, growing with the history.
 *
 * <p>One line per entry, tab separated: sweep id, marker bytes, marker modification time in ms,
 * sessions partition's modification time in ms or -1 when it has none, digest, the sessions files
 * separated by spaces, and the CRC-32 of the line before it (8 hex digits). A run that only adds or
 * changes sweeps appends their lines (a later line for a sweep replaces an earlier one), so its cost
 * is that of the new sweeps, not of the history; the file is rewritten whole, atomically, when a
 * sweep is gone or when lines that are no longer used outnumber the others. A line that cannot be
 * read (cut short by a crash, damaged) is ignored, which costs only working that sweep out again;
 * lines without the CRC, as vaxslots wrote them before, are read too.
 */
final class InputDigests {
    /**
     * What a stat of the marker and of the sessions partition give, and what was worked out from
     * them; the sessions files as stored ({@link #files}), split only when used.
     */
    record Entry(long markerBytes, long markerMillis, long sessionsMillis, String digest, String files) {
        boolean sameFiles(Entry other) {
            return markerBytes == other.markerBytes && markerMillis == other.markerMillis
                    && sessionsMillis == other.sessionsMillis;
        }

        List<String> sessionFiles() {
            if (files.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String f : files.split(" ")) {
                out.add(decoded(f));
            }
            return List.copyOf(out);
        }
    }

    /**
     * Sessions files as one field: separated by spaces, with '%', whitespace and the other ASCII
     * control characters of a name written %XX, so any file name can be remembered.
     */
    static String files(List<String> sessionFiles) {
        StringBuilder sb = new StringBuilder();
        for (String f : sessionFiles) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                if (c == '%' || c <= ' ' || c == 0x7f) {
                    sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String decoded(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                sb.append((char) Integer.parseInt(name, i + 1, i + 3, 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int CRC_HEX_DIGITS = 8;

    private final Path file;
    private final Map<String, Entry> entries;
    /** Lines replaced by a later line of the same sweep. */
    private int replacedLines;
    private boolean rewrite;
    private final Map<String, Entry> appended = new TreeMap<>();

    private InputDigests(Path file, Map<String, Entry> entries, int replacedLines, boolean rewrite) {
        this.file = file;
        this.entries = entries;
        this.replacedLines = replacedLines;
        this.rewrite = rewrite;
    }

    static InputDigests load(DataRoot root) throws IOException {
        Path file = root.compactInputs();
        Map<String, Entry> entries = new HashMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            // the first compact of this data root, or of a vaxslots before this file
            return new InputDigests(file, entries, 0, false);
        }
        int replaced = 0;
        boolean damaged = false;
        int start = 0;
        for (int end = indexOf(bytes, '\n', 0); end >= 0; start = end + 1, end = indexOf(bytes, '\n', start)) {
            String[] f = fields(bytes, start, end);
            Entry e = f == null ? null : entry(f);
            if (e == null) {
                damaged = true;
            } else if (entries.put(f[0], e) != null) {
                replaced++;
            }
        }
        // A damaged line, or a last one cut short (no line break), is not kept: the file is rewritten.
        return new InputDigests(file, entries, replaced, damaged || start < bytes.length);
    }

    private static int indexOf(byte[] bytes, char c, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The six fields of the line in bytes [start, end), or null when it is not one of ours or its CRC does not match. */
    private static String[] fields(byte[] bytes, int start, int end) {
        int lastTab = end - CRC_HEX_DIGITS - 1;
        if (lastTab > start && bytes[lastTab] == '\t') {
            CRC32 crc = new CRC32();
            crc.update(bytes, start, lastTab - start);
            String sent = new String(bytes, lastTab + 1, CRC_HEX_DIGITS, StandardCharsets.ISO_8859_1);
            if (sent.equals(hex(crc.getValue()))) {
                String[] f = new String(bytes, start, lastTab - start, StandardCharsets.UTF_8).split("\t", -1);
                return f.length == 6 ? f : null;
            }
        }
        // Written before the CRC, atomically, and only for names without whitespace: none is escaped.
        String[] f = new String(bytes, start, end - start, StandardCharsets.UTF_8).split("\t", -1);
        return f.length == 6 && f[5].indexOf('%') < 0 ? f : null;
    }

    private static Entry entry(String[] f) {
        if (!SHA256.matcher(f[4]).matches()) {
            return null;
        }
        try {
            return new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What was remembered for this sweep, when its marker and partition are still the ones it was worked out from. */
    Entry known(String sweepId, Entry now) {
        Entry known = entries.get(sweepId);
        return known != null && known.sameFiles(now) ? known : null;
    }

    void remember(String sweepId, Entry entry) {
        Entry old = entries.put(sweepId, entry);
        if (!entry.equals(old)) {
            appended.put(sweepId, entry);
            if (old != null) {
                replacedLines++;
            }
        }
    }

    /**
     * Saves the entries of these sweeps (the others' are dropped): the new ones appended, or the
     * whole file rewritten when a sweep is gone or most lines are no longer used.
     */
    void save(Set<String> sweepIds) throws IOException {
        if (entries.keySet().retainAll(sweepIds)) {
            rewrite = true;
            appended.keySet().retainAll(sweepIds);
        }
        if (rewrite || replacedLines > entries.size()) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(entries).forEach((id, e) -> line(sb, id, e));
            AtomicFiles.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
            replacedLines = 0;
        } else if (!appended.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            appended.forEach((id, e) -> line(sb, id, e));
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
        rewrite = false;
        appended.clear();
    }

    private static void line(StringBuilder sb, String id, Entry e) {
        int start = sb.length();
        sb.append(id).append('\t').append(e.markerBytes()).append('\t').append(e.markerMillis()).append('\t')
                .append(e.sessionsMillis()).append('\t').append(e.digest()).append('\t').append(e.files());
        String crc = crc(sb.substring(start));
        sb.append('\t').append(crc).append('\n');
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(crc.getValue());
    }

    private static String hex(long crc) {
        String digits = Long.toHexString(crc);
        return "0".repeat(CRC_HEX_DIGITS - digits.length()) + digits;
    }
}
