package org.vaxslots.snapshot;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.SweepIds;

/**
 * The validators (ETags) of a source's last full captures, so the next sweep can ask whether a
 * response changed (If-None-Match) and archive a 304 as a revisit record that names the capture it
 * repeats: the sweep, the target URI and the date of that capture's response record.
 *
 * <p>File {@code <data-root>/state/sources/<host>_<port>.validators}, one line per request, tab
 * separated: {@code endpoint?params}, ETag, sweep id, outcome (a captured one: ok or empty), the
 * capture's WARC-Date, its target URI. It is rewritten atomically once a sweep's archive is
 * published, and only then, so every line points at a response record in a published raw file.
 * A sweep that dies first leaves the older lines, which still point at published captures.
 */
final class Validators {
    /** A full capture a 304 can stand for. */
    record Entry(String etag, String sweepId, FetchOutcome outcome, Instant date, URI target) {}

    /** Weak or strong entity tags as servers send them; anything else is not kept. */
    private static final Pattern ETAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7e]{1,200}\"");

    private final Map<String, Entry> entries;
    private final int ignoredLines;

    private Validators(Map<String, Entry> entries, int ignoredLines) {
        this.entries = entries;
        this.ignoredLines = ignoredLines;
    }

    static Path file(DataRoot root, URI base) {
        return root.sourceCalls().resolve(SourceCalls.key(base) + ".validators");
    }

    static boolean usable(String etag) {
        return etag != null && ETAG.matcher(etag).matches();
    }

    /**
     * Reads the file; lines it cannot read (a hand edit, a future format) are not trusted: their
     * requests are fetched in full, and {@link #ignoredLines} counts them so the sweep can say so.
     */
    static Validators read(DataRoot root, URI base) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        int ignored = 0;
        try {
            for (String line : Files.readAllLines(file(root, base), StandardCharsets.UTF_8)) {
                Entry e = parse(line.split("\t", -1));
                if (e == null) {
                    ignored++;
                } else {
                    entries.put(line.substring(0, line.indexOf('\t')), e);
                }
            }
        } catch (NoSuchFileException e) {
            // the first sweep of this source
        }
        return new Validators(entries, ignored);
    }

    private static Entry parse(String[] f) {
        if (f.length != 6 || !usable(f[1]) || !SweepIds.isValid(f[2]) || !FetchOutcome.isCaptured(f[3])) {
            return null;
        }
        try {
            return new Entry(f[1], f[2], FetchOutcome.ofWord(f[3]).orElseThrow(), Instant.parse(f[4]), URI.create(f[5]));
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Lines of the file that could not be read and were left out. */
    int ignoredLines() {
        return ignoredLines;
    }

    Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** A full response of this sweep; it replaces the older capture of the same request. */
    void captured(String key, Entry e) {
        entries.put(key, e);
    }

    int size() {
        return entries.size();
    }

    void write(DataRoot root, URI base) throws IOException {
        StringBuilder sb = new StringBuilder();
        entries.forEach((key, e) -> sb.append(key).append('\t').append(e.etag()).append('\t').append(e.sweepId())
                .append('\t').append(e.outcome().word()).append('\t').append(e.date()).append('\t').append(e.target())
                .append('\n'));
        AtomicFiles.writeAtomically(file(root, base), sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
