package org.vaxslots.compact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vaxslots.schema.Table;
import org.vaxslots.sql.DuckDb;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.ProgressLine;
import org.vaxslots.store.WorkDirs;

/**
 * Keeps the derived tables session_history (change-only: one row per session and run of unchanged
 * observations) and sweep_district_sessions (per sweep, district and age group) in step with the
 * sessions table, from notebooks-sql/compact/, at the cost of the sweeps that are new: a new sweep
 * extends the open runs of the session dates it lists and writes the runs it closes once; no other
 * partition is read or written. The caller holds the data-root lock.
 *
 * <p>Steps:
 * <ol>
 *   <li>ListInputs: the sweeps with a marker and a digest of each one's marker and sessions files;
 *       for new and changed ones, the session dates and latest as_of_at their files span (Parquet
 *       statistics, no rows read).
 *   <li>Plan: against tables/_compact.json, sweeps are new, changed (normalized again), removed or
 *       kept. A layout or SQL change, or no manifest, builds everything from scratch.
 *   <li>Rebuild: the session dates of changed and removed sweeps (and of a run that stopped
 *       half-way) from every sweep that lists them; also every new sweep when there are more than
 *       {@link #APPEND_LIMIT}, or in {@link Mode#REBUILD}.
 *   <li>Append: each other new sweep, in as_of order; one that comes before what a session already
 *       shows (out of order) has its dates rebuilt instead.
 *   <li>Publish: every file is written under tmp/ and renamed over the old one;
 *       tables/_compact-pending.json names the dates being rewritten before, and the manifest the
 *       sweep after (the pending file then goes), so a crash leaves only dates that the next run
 *       rebuilds. Either way the rows, and the bytes, are those of a from-scratch build.
 * </ol>
 *
 * <p>What a run that only appends reads of the history is one listing of the markers, two stats a
 * sweep (on every core), the remembered digests ({@link InputDigests}, to which it appends) and the
 * manifest; partitions of sweeps the manifest does not name are looked for only when a sweep was
 * removed or dates are rebuilt, the only ways they arise.
 */
public final class CompactJob {
    /** More new sweeps than this in one run are built together, not appended one by one. */
    static final int APPEND_LIMIT = 16;

    /** How new sweeps are brought in. */
    public enum Mode {
        /** Appended to the open runs (the default). */
        APPEND,
        /** Their session dates rebuilt from every sweep that lists them: the cost before issue 14, for comparison. */
        REBUILD
    }

    /**
     * What a run did: sweeps appended, session dates rebuilt, sweeps removed, sweeps already up to
     * date, and rows written per table.
     */
    public record Result(List<String> appended, List<LocalDate> rebuilt, List<String> removed, int kept,
            Map<String, Long> rowsWritten) {}

    private CompactJob() {}

    public static Result run(DataRoot root) throws IOException, SQLException {
        return run(root, Mode.APPEND);
    }

    public static Result run(DataRoot root, Mode mode) throws IOException, SQLException {
        String sqlSha = CompactSql.digest();
        CompactManifest previous = CompactManifest.read(root.compactManifest(), sqlSha);
        if (previous == null) {
            for (Table t : Table.derived()) {
                AtomicFiles.deleteTree(root.table(t.tableName()));
            }
        }
        CompactManifest manifest = previous != null ? previous : CompactManifest.empty(sqlSha);
        Map<String, SweepInputs.Input> current = SweepInputs.list(root);
        TreeMap<String, CompactManifest.Sweep> known = manifest.sweeps();
        TreeSet<LocalDate> rebuild = new TreeSet<>();
        // Dates a run that stopped was rewriting (in the manifest itself, as runs before the pending file left them).
        TreeSet<String> pending = CompactManifest.readPending(root.compactPending());
        pending.addAll(manifest.dirtyDates());
        manifest.dirtyDates().clear();
        pending.forEach(d -> rebuild.add(LocalDate.parse(d)));
        List<String> removed = new ArrayList<>();
        List<SweepInputs.Input> added = new ArrayList<>();
        for (String id : List.copyOf(known.keySet())) {
            SweepInputs.Input now = current.get(id);
            if (now == null || !now.digest().equals(known.get(id).input())) {
                rebuild.addAll(known.remove(id).dates());
                if (now == null) {
                    removed.add(id);
                }
            }
        }
        for (SweepInputs.Input in : current.values()) {
            if (!known.containsKey(in.id())) {
                added.add(in);
            }
        }
        int kept = known.size();
        int changed = current.size() - kept - added.size();
        ProgressLine progress = added.isEmpty() && changed == 0 && removed.isEmpty() && rebuild.isEmpty() ? null
                : ProgressLine.start("compact", added.size() + changed, "sweeps");
        Map<String, Long> rows = new TreeMap<>();
        List<String> appended = new ArrayList<>();
        try (Connection c = DuckDb.connect(root); WorkDirs.WorkDir work = WorkDirs.create(root.tmp(), "compact-")) {
            CompactSql.execute(c, "SET file_search_path = '" + CompactSql.quote(root.root().toString()) + "'");
            Map<String, SweepInputs.Span> spans = SweepInputs.spans(c, added);
            HistoryUpdates updates = new HistoryUpdates(c, root, work.path(), rows);
            List<SweepInputs.Input> toAppend = new ArrayList<>();
            List<SweepInputs.Input> toRebuild = new ArrayList<>();
            boolean together = mode == Mode.REBUILD || known.isEmpty() || added.size() > APPEND_LIMIT;
            for (SweepInputs.Input in : added) {
                (together || !rebuild.isEmpty() && overlaps(entry(in, spans), rebuild) ? toRebuild : toAppend).add(in);
            }
            for (SweepInputs.Input in : toRebuild) {
                rebuild.addAll(entry(in, spans).dates());
            }
            if (!rebuild.isEmpty() || !toRebuild.isEmpty()) {
                rebuild(root, manifest, pending, updates, current, rebuild, toRebuild, spans);
                advance(progress, toRebuild.size() + changed);
            }
            toAppend.sort(Comparator.comparing((SweepInputs.Input in) -> spans.get(in.id()).lastAsOf(),
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(SweepInputs.Input::id));
            for (SweepInputs.Input in : toAppend) {
                CompactManifest.Sweep entry = entry(in, spans);
                List<LocalDate> dates = entry.dates();
                if (!dates.isEmpty()) {
                    // Until the manifest names this sweep, its dates are pending (with those of the sweeps before it).
                    dates.forEach(d -> pending.add(d.toString()));
                    CompactManifest.writePending(root.compactPending(), pending);
                    if (!updates.append(in, dates)) {
                        rebuild(root, manifest, pending, updates, current, new TreeSet<>(dates), List.of(in), spans);
                        rebuild.addAll(dates);
                        advance(progress, 1);
                        continue;
                    }
                }
                known.put(in.id(), entry);
                appended.add(in.id());
                advance(progress, 1);
            }
            // Only a removed sweep or a run that stopped leaves partitions of a sweep the manifest does not
            // name, and either rebuilds dates; a run that only appends need not list every sweep's partitions.
            if (!rebuild.isEmpty() || !removed.isEmpty()) {
                removeOrphans(root, known.keySet());
            }
            if (!added.isEmpty() || !rebuild.isEmpty() || !removed.isEmpty()) {
                writeManifest(root, manifest, pending);
            }
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        return new Result(List.copyOf(appended), List.copyOf(rebuild), List.copyOf(removed), kept, rows);
    }

    /** Rebuilds these dates from the known sweeps and {@code adding}, which then become known. */
    private static void rebuild(DataRoot root, CompactManifest manifest, TreeSet<String> pending, HistoryUpdates updates,
            Map<String, SweepInputs.Input> current, TreeSet<LocalDate> dates, List<SweepInputs.Input> adding,
            Map<String, SweepInputs.Span> spans) throws IOException, SQLException {
        dates.forEach(d -> pending.add(d.toString()));
        CompactManifest.writePending(root.compactPending(), pending);
        Map<String, SweepInputs.Input> listing = new TreeMap<>();
        manifest.sweeps().forEach((id, s) -> {
            if (dates.stream().anyMatch(s::lists)) {
                listing.put(id, current.get(id));
            }
        });
        for (SweepInputs.Input in : adding) {
            if (dates.stream().anyMatch(entry(in, spans)::lists)) {
                listing.put(in.id(), in);
            }
        }
        updates.rebuild(dates, listing, adding.stream().map(SweepInputs.Input::id).toList());
        for (SweepInputs.Input in : adding) {
            manifest.sweeps().put(in.id(), entry(in, spans));
        }
        writeManifest(root, manifest, pending);
    }

    /** Writes the manifest; what it names is then safe, so no date is pending any more. */
    private static void writeManifest(DataRoot root, CompactManifest manifest, TreeSet<String> pending) throws IOException {
        manifest.write(root.compactManifest());
        pending.clear();
        Files.deleteIfExists(root.compactPending());
    }

    private static void advance(ProgressLine progress, long sweeps) {
        if (progress != null) {
            progress.advance(sweeps);
        }
    }

    private static CompactManifest.Sweep entry(SweepInputs.Input in, Map<String, SweepInputs.Span> spans) {
        SweepInputs.Span span = spans.get(in.id());
        return new CompactManifest.Sweep(in.digest(), span.firstDate(), span.lastDate());
    }

    private static boolean overlaps(CompactManifest.Sweep sweep, Set<LocalDate> dates) {
        return dates.stream().anyMatch(sweep::lists);
    }

    /** Partitions of sweeps compact does not hold (removed, or left by a run that stopped). */
    private static void removeOrphans(DataRoot root, Set<String> known) throws IOException {
        List<Path> dirs = new ArrayList<>();
        dirs.add(root.table(Table.SWEEP_DISTRICT_SESSIONS.tableName()));
        dirs.add(root.closedRunsPartition("x").getParent());
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> parts = Files.list(dir)) {
                for (Path p : parts.toList()) {
                    String name = p.getFileName().toString();
                    String id = name.substring(name.indexOf('=') + 1);
                    if (!known.contains(id)) {
                        AtomicFiles.deleteTree(p);
                    }
                }
            }
        }
    }
}
