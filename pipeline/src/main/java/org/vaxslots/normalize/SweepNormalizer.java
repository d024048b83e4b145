package org.vaxslots.normalize;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;

/**
 * Normalizes one sweep: reads its raw WARC files in name order and writes one Parquet file per
 * table into a private staging directory. Rows stream from the raw records to the files; nothing
 * of the sweep is held in memory but one response and the schema-event tally. Every table gets a
 * file, with no rows when the sweep had none (listed_districts of a sweep without districts
 * answers). The staged files are published by {@link SweepPublisher}.
 */
public final class SweepNormalizer {

    /** What a sweep produced, and where it is staged. */
    public record Result(String sweepId, String stagingDir, List<String> rawFiles, long responses, long centers,
            long sessions, long rejects, long schemaEvents) implements Serializable {}

    private final DataRoot root;
    private final ResponseParser parser;
    private final Revisits revisits;

    public SweepNormalizer(DataRoot root, ResponseParser parser) {
        this.root = root;
        this.parser = parser;
        this.revisits = new Revisits(root);
    }

    public Result normalize(String sweepId) throws IOException {
        List<Path> files = RawFiles.list(root, sweepId);
        Path staging = root.tmp().resolve("normalize").resolve(sweepId + "-" + UUID.randomUUID());
        Map<Table, ParquetTableWriter> writers = new EnumMap<>(Table.class);
        SchemaEventLog schemaEvents = new SchemaEventLog();
        TableRows tableRows = new TableRows();
        long[] responses = {0};
        try {
            for (Table t : Table.normalized()) {
                Path dir = staging.resolve(t.tableName());
                Files.createDirectories(dir);
                writers.put(t, ParquetTableWriter.create(dir.resolve(SweepPublisher.PART_FILE), t));
            }
            List<String> rawNames = new ArrayList<>();
            for (Path file : files) {
                String rawFile = root.relative(file);
                rawNames.add(rawFile);
                WarcArchiveReader.read(file, rawFile, response -> {
                    responses[0]++;
                    normalizeResponse(sweepId, response, writers, schemaEvents, tableRows);
                }, damage -> writers.get(Table.REJECTS).write(TableRows.reject(sweepId, damageRow(damage))));
            }
            for (GenericRecord row : schemaEvents.rows(sweepId)) {
                writers.get(Table.SCHEMA_EVENTS).write(row);
            }
            closeAll(writers);
            return new Result(sweepId, staging.toString(), rawNames, responses[0],
                    writers.get(Table.CENTERS).rows(), writers.get(Table.SESSIONS).rows(),
                    writers.get(Table.REJECTS).rows(), writers.get(Table.SCHEMA_EVENTS).rows());
        } catch (IOException | RuntimeException e) {
            closeQuietly(writers);
            AtomicFiles.deleteTree(staging);
            throw e;
        }
    }

    private void normalizeResponse(String sweepId, ArchivedResponse archived, Map<Table, ParquetTableWriter> writers,
            SchemaEventLog schemaEvents, TableRows tableRows) throws IOException {
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
        if ("metadata".equals(response.warcType())) {
            outcome = FetchOutcome.NETWORK_ERROR.word();
        } else if (status != null && (status == 403 || status == 429)) {
            outcome = FetchOutcome.THROTTLED.word();
        } else if (!repeated && status != null && (status < 200 || status >= 300)) {
            outcome = FetchOutcome.HTTP_ERROR.word();
        } else {
            parsed = parser.parse(ctx, response.body());
            outcome = parsed.outcome().word();
            for (CenterRow c : parsed.centers()) {
                writers.get(Table.CENTERS).write(tableRows.center(ctx, c));
            }
            for (SessionRow s : parsed.sessions()) {
                writers.get(Table.SESSIONS).write(tableRows.session(ctx, s));
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
