package org.vaxslots.normalize;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.model.RejectRow;
import org.vaxslots.model.SessionRow;
import org.vaxslots.parse.ParsedResponse;
import org.vaxslots.parse.RecordProblem;
import org.vaxslots.parse.RejectReason;
import org.vaxslots.parse.ResponseParser;
import org.vaxslots.raw.ArchiveDamage;
import org.vaxslots.raw.ArchivedResponse;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.Revisits;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.schema.ParquetTableWriter;
import org.vaxslots.schema.Table;
import org.vaxslots.schema.TableRows;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;

/**
 * Normalizes one sweep, a slice at a time. A slice is one raw WARC file of the sweep (snapshot
 * publishes one every 100 exchanges, import one per {@code --raw-file-size}), so the slices of one
 * sweep are staged in parallel, each into its own Parquet file per table:
 * {@code <table>/part-NNNNN.parquet}, NNNNN the raw file's index in name order. Slice 0's files
 * always exist (with no rows when the sweep had none, e.g. listed_districts of a sweep without
 * districts answers); a later slice's file only when it has rows. A sweep of one raw file is thus
 * staged exactly as before slicing, byte for byte. Rows stream from the raw records to the files;
 * nothing of a slice is held in memory but one response and the schema-event tally, which
 * {@link #finish} folds over the slices, in slice order, into the sweep's one schema_events file.
 * The staged sweep is published by {@link SweepPublisher}.
 */
public final class SweepNormalizer {

    /** What a sweep produced, and where it is staged. */
    public record Result(String sweepId, String stagingDir, List<String> rawFiles, long responses, long centers,
            long sessions, long rejects, long schemaEvents) implements Serializable {}

    /** One raw file of a sweep (none for a sweep without raw files), and where its sweep is staged. */
    public record Slice(String sweepId, int index, int count, String rawFile, String stagingDir)
            implements Serializable {}

    /** What a slice produced; its schema observations are folded per sweep by {@link #finish}. */
    public record SliceResult(Slice slice, long responses, long centers, long sessions, long rejects,
            SchemaEventLog schemaEvents) implements Serializable {}

    /** The tables written per slice; schema_events is written once per sweep. */
    private static final List<Table> SLICE_TABLES = Table.normalized().stream()
            .filter(t -> t != Table.SCHEMA_EVENTS).toList();

    private final DataRoot root;
    private final ResponseParser parser;
    private final Revisits revisits;

    public SweepNormalizer(DataRoot root, ResponseParser parser) {
        this.root = root;
        this.parser = parser;
        this.revisits = new Revisits(root);
    }

    /** The plain, serial run of one sweep: every slice in order, then {@link #finish}. */
    public Result normalize(String sweepId) throws IOException {
        List<SliceResult> staged = new ArrayList<>();
        for (Slice slice : slices(root, sweepId)) {
            staged.add(stage(slice));
        }
        return finish(staged);
    }

    /** The slices of a sweep, in raw file name order, all staged under one fresh directory. */
    public static List<Slice> slices(DataRoot root, String sweepId) throws IOException {
        List<Path> files = RawFiles.list(root, sweepId);
        String staging = root.normalizeStaging(sweepId).toString();
        if (files.isEmpty()) {
            return List.of(new Slice(sweepId, 0, 1, null, staging));
        }
        List<Slice> slices = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            slices.add(new Slice(sweepId, i, files.size(), root.relative(files.get(i)), staging));
        }
        return slices;
    }

    /**
     * The slices of a sweep in runs of consecutive ones, each run of about {@code unitBytes} of raw
     * files (at least one slice): the units a runner schedules. Only the scheduling depends on this;
     * every slice is staged into its own files as ever.
     */
    public static List<List<Slice>> units(DataRoot root, List<Slice> slices, long unitBytes) throws IOException {
        List<List<Slice>> units = new ArrayList<>();
        List<Slice> unit = new ArrayList<>();
        long bytes = 0;
        for (Slice slice : slices) {
            long size = slice.rawFile() == null ? 0 : Files.size(root.root().resolve(slice.rawFile()));
            if (!unit.isEmpty() && bytes + size > unitBytes) {
                units.add(List.copyOf(unit));
                unit.clear();
                bytes = 0;
            }
            unit.add(slice);
            bytes += size;
        }
        units.add(List.copyOf(unit));
        return units;
    }

    /** The Parquet file of one slice of a table; slice 0's is {@link DataRoot#PART_FILE}. */
    public static String partFile(int sliceIndex) {
        return String.format(Locale.ROOT, "part-%05d.parquet", sliceIndex);
    }

    /**
     * Stages one slice. Staging it again (a retried bundle) replaces its files; a failure removes
     * them.
     */
    public SliceResult stage(Slice slice) throws IOException {
        String sweepId = slice.sweepId();
        Path staging = Path.of(slice.stagingDir());
        Map<Table, ParquetTableWriter> writers = new EnumMap<>(Table.class);
        SchemaEventLog schemaEvents = new SchemaEventLog();
        long[] responses = {0};
        try {
            for (Table t : SLICE_TABLES) {
                Path dir = staging.resolve(t.tableName());
                Files.createDirectories(dir);
                Path file = dir.resolve(partFile(slice.index()));
                Files.deleteIfExists(file);
                writers.put(t, ParquetTableWriter.create(file, t));
            }
            if (slice.rawFile() != null) {
                WarcArchiveReader.read(root.root().resolve(slice.rawFile()), slice.rawFile(), response -> {
                    responses[0]++;
                    normalizeResponse(sweepId, response, writers, schemaEvents);
                }, damage -> writers.get(Table.REJECTS).write(TableRows.reject(sweepId, damageRow(damage))));
            }
            closeAll(writers);
            if (slice.index() > 0) {
                for (Table t : SLICE_TABLES) {
                    if (writers.get(t).rows() == 0) {
                        Files.delete(staging.resolve(t.tableName()).resolve(partFile(slice.index())));
                    }
                }
            }
            return new SliceResult(slice, responses[0], writers.get(Table.CENTERS).rows(),
                    writers.get(Table.SESSIONS).rows(), writers.get(Table.REJECTS).rows(), schemaEvents);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writers);
            for (Table t : SLICE_TABLES) {
                Files.deleteIfExists(staging.resolve(t.tableName()).resolve(partFile(slice.index())));
            }
            throw e;
        }
    }

    /**
     * Completes a sweep whose every slice is staged: writes its schema_events (observations folded
     * in slice order, so the first fetch of each event is the same as in one serial pass) and sums
     * the slices up.
     */
    public static Result finish(List<SliceResult> staged) throws IOException {
        List<SliceResult> inOrder = new ArrayList<>(staged);
        inOrder.sort(Comparator.comparingInt(r -> r.slice().index()));
        Slice first = inOrder.get(0).slice();
        for (int i = 0; i < inOrder.size(); i++) {
            Slice s = inOrder.get(i).slice();
            if (s.index() != i || s.count() != inOrder.size() || !s.sweepId().equals(first.sweepId())
                    || !s.stagingDir().equals(first.stagingDir())) {
                throw new IllegalStateException("sweep " + first.sweepId() + " has slices " + inOrder.stream()
                        .map(r -> r.slice().index() + "/" + r.slice().count()).toList()
                        + " staged; it needs each of 0.." + (first.count() - 1) + " exactly once");
            }
        }
        SchemaEventLog schemaEvents = new SchemaEventLog();
        List<String> rawFiles = new ArrayList<>();
        long responses = 0;
        long centers = 0;
        long sessions = 0;
        long rejects = 0;
        for (SliceResult r : inOrder) {
            schemaEvents.addAll(r.schemaEvents());
            if (r.slice().rawFile() != null) {
                rawFiles.add(r.slice().rawFile());
            }
            responses += r.responses();
            centers += r.centers();
            sessions += r.sessions();
            rejects += r.rejects();
        }
        Path dir = Path.of(first.stagingDir()).resolve(Table.SCHEMA_EVENTS.tableName());
        Files.createDirectories(dir);
        Path file = dir.resolve(DataRoot.PART_FILE);
        Files.deleteIfExists(file);
        long events;
        try (ParquetTableWriter writer = ParquetTableWriter.create(file, Table.SCHEMA_EVENTS)) {
            for (GenericRecord row : schemaEvents.rows(first.sweepId())) {
                writer.write(row);
            }
            events = writer.rows();
        }
        return new Result(first.sweepId(), first.stagingDir(), rawFiles, responses, centers, sessions, rejects,
                events);
    }

    private void normalizeResponse(String sweepId, ArchivedResponse archived, Map<Table, ParquetTableWriter> writers,
            SchemaEventLog schemaEvents) throws IOException {
        ArchivedResponse response = archived;
        boolean repeated = false;
        String unresolved = null;
        if (Revisits.isRevisit(archived)) {
            // A 304: the observation is the capture it repeats, as of this answer's time.
            Revisits.Resolved resolved = revisits.resolve(archived);
            response = resolved.response();
            unresolved = resolved.problem();
            repeated = unresolved == null;
        }
        FetchContexts.Fetch fetch = FetchContexts.of(sweepId, response);
        FetchContext ctx = fetch.context();
        Integer status = response.httpStatus();
        String outcome;
        ParsedResponse parsed = null;
        if (unresolved != null) {
            writers.get(Table.REJECTS).write(TableRows.reject(sweepId, new RejectRow(response.rawFile(),
                    response.offset(), ctx.fetchId(), ctx.endpoint().apiName(), "$",
                    RejectReason.UNRESOLVED_REVISIT.code(), unresolved, null)));
        }
        // No response came (a metadata record); else the status decides, as FetchOutcome says, except
        // where there is none (an imported file) or it is a 304 resolved to the body it repeats.
        Optional<FetchOutcome> byStatus = "metadata".equals(response.warcType()) ? Optional.of(FetchOutcome.NETWORK_ERROR)
                : status == null || repeated ? Optional.empty() : FetchOutcome.ofStatus(status);
        if (byStatus.isPresent()) {
            outcome = byStatus.get().word();
        } else {
            parsed = parser.parse(ctx, response.body());
            outcome = parsed.outcome().word();
            for (CenterRow c : parsed.centers()) {
                writers.get(Table.CENTERS).write(TableRows.center(ctx, c));
            }
            for (SessionRow s : parsed.sessions()) {
                writers.get(Table.SESSIONS).write(TableRows.session(ctx, s));
            }
            for (DistrictRow d : parsed.districts()) {
                writers.get(Table.LISTED_DISTRICTS).write(TableRows.listedDistrict(ctx, d));
            }
            for (RecordProblem p : parsed.problems()) {
                writers.get(Table.REJECTS).write(TableRows.reject(sweepId, new RejectRow(response.rawFile(),
                        response.offset(), ctx.fetchId(), ctx.endpoint().apiName(), p.recordPath(),
                        p.kind().code(), p.reason(), p.snippet())));
            }
            schemaEvents.add(ctx, parsed.observations());
        }
        writers.get(Table.FETCHES).write(FetchRows.fetch(fetch, response, outcome, parsed, Digests.sha256Hex(response.body())));
    }

    private static RejectRow damageRow(ArchiveDamage damage) {
        return new RejectRow(damage.rawFile(), damage.offset(), null, null, "$", RejectReason.DAMAGED_WARC.code(),
                damage.reason(), null);
    }

    private static void closeAll(Map<Table, ParquetTableWriter> writers) throws IOException {
        for (ParquetTableWriter w : writers.values()) {
            w.close();
        }
    }

    private static void closeQuietly(Map<Table, ParquetTableWriter> writers) {
        for (ParquetTableWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException | RuntimeException suppressed) {
                // The staging directory is deleted next; the original failure is what matters.
            }
        }
    }
}
