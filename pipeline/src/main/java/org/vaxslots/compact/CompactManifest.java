package org.vaxslots.compact;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;
import org.vaxslots.store.AtomicFiles;

/**
 * tables/_compact.json: the layout and SQL the derived tables were built with, and each sweep they
 * hold, with the digest of its inputs (marker and sessions files) and the session dates its
 * sessions span. Sorted keys and no clock, so the same history gives the same bytes however it
 * was compacted (sweep by sweep, or from scratch).
 *
 * @param layout {@link #LAYOUT}; any other value (or a manifest of an older vaxslots) means the
 *     derived tables are built again from scratch
 * @param sqlSha256 digest of notebooks-sql/compact/*.sql: a change rebuilds everything
 * @param sweeps sweep id to what it was compacted from
 * @param dirtyDates session dates whose partitions a run of vaxslots before 2026-12-04 was rewriting
 *     when it stopped: rebuilt by the next run; now always written empty (the dates being
 *     rewritten are in tables/_compact-pending.json, see {@link #readPending})
 */
record CompactManifest(int layout, String sqlSha256, TreeMap<String, Sweep> sweeps, java.util.TreeSet<String> dirtyDates) {
    /** 2: session_history open/closed runs and sweep_district_sessions by sweep (issue 14). */
    static final int LAYOUT = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One compacted sweep.
     *
     * @param input digest of the sweep's marker and sessions files: a sweep normalized again differs
     * @param firstDate first session date its sessions list (yyyy-MM-dd), null when it lists none
     * @param lastDate last session date its sessions list, null when it lists none
     */
    record Sweep(String input, String firstDate, String lastDate) {
        boolean lists(LocalDate date) {
            return firstDate != null && !date.isBefore(LocalDate.parse(firstDate)) && !date.isAfter(LocalDate.parse(lastDate));
        }

        /** Every date from the first to the last, in order; empty when the sweep lists no session. */
        java.util.List<LocalDate> dates() {
            if (firstDate == null) {
                return java.util.List.of();
            }
            return LocalDate.parse(firstDate).datesUntil(LocalDate.parse(lastDate).plusDays(1)).toList();
        }
    }

    static CompactManifest empty(String sqlSha256) {
        return new CompactManifest(LAYOUT, sqlSha256, new TreeMap<>(), new java.util.TreeSet<>());
    }

    /** The manifest, or null when there is none, or it was written by another layout or SQL. */
    static CompactManifest read(Path file, String sqlSha256) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CompactManifest m;
        try {
            m = JSON.readValue(file.toFile(), CompactManifest.class);
        } catch (MismatchedInputException e) {
            // Another layout's fields: read as a tree only to tell which (a damaged file still fails).
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject() || node.path("layout").asInt() != LAYOUT) {
                return null;
            }
            throw e;
        }
        if (m == null || m.layout() != LAYOUT || !sqlSha256.equals(m.sqlSha256())) {
            return null;
        }
        return new CompactManifest(m.layout(), m.sqlSha256(), m.sweeps() == null ? new TreeMap<>() : new TreeMap<>(m.sweeps()),
                m.dirtyDates() == null ? new java.util.TreeSet<>() : new java.util.TreeSet<>(m.dirtyDates()));
    }

    void write(Path file) throws IOException {
        AtomicFiles.writeAtomically(file, JSON.writeValueAsBytes(this));
    }

    /**
     * The session dates of tables/_compact-pending.json: written before a run rewrites any
     * partition and removed once the manifest names what it wrote, so a run that stopped in
     * between leaves the dates the next run must rebuild. A small file of its own, so an append
     * does not write the whole manifest twice; older runs kept these in {@link #dirtyDates}.
     */
    static java.util.TreeSet<String> readPending(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new java.util.TreeSet<>();
        }
        return new java.util.TreeSet<>(java.util.Arrays.asList(JSON.readValue(file.toFile(), String[].class)));
    }

    static void writePending(Path file, java.util.SortedSet<String> dates) throws IOException {
        AtomicFiles.writeAtomically(file, JSON.writeValueAsBytes(dates));
    }
}
