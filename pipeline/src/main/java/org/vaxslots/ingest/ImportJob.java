package org.vaxslots.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.ProgressLine;
import org.vaxslots.store.SweepIds;

/**
 * Imports recorded responses (folders of saved files, zip and tar archives, gzip files, other
 * crawlers' WARC files, a git commit's files) into one sweep of the raw archive, so they enter the
 * same pipeline as live sweeps. Inputs are read in place, streaming ({@link ImportInput}).
 *
 * <p>Steps:
 * <ol>
 *   <li>Read each member and its request: endpoint and parameters from the source's own record
 *       (a WARC capture), the name pattern, {@code --param}, or inference from name and body.
 *   <li>Screen it ({@code PersonalDataScreen}): personal data never enters raw/.
 *   <li>Skip a request the sweep already holds with the same bytes (identity is the request, not
 *       the body: two districts that both answered {@code {"centers":[]}} are two captures).
 *   <li>Write it: a file as a WARC {@code resource} record of its exact bytes; a capture as a copy
 *       of its {@code response} record and its {@code request}. Files roll over at a size limit
 *       and are staged.
 *   <li>Publish every staged file by rename, only when the whole input was read and nothing was
 *       refused without {@code --skip-personal}; else discard them: nothing is archived.
 * </ol>
 * A killed import leaves staged files that the next import into the sweep resumes from.
 */
public final class ImportJob {
    /** Raw files roll over past this size, as Heritrix's do. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;

    /**
     * @param endpoint       the endpoint of every file, or null to infer it
     * @param params         {@code --param}: set on every file
     * @param namePattern    {@code --name-pattern}, or null
     * @param skipUnmatched  a member the pattern does not match is counted and left out, not an error
     * @param skipPersonal   a member with personal data is refused and counted, and the rest archived
     * @param maxFileBytes   a raw file is closed and a new one begun once it is this large
     */
    public record Request(String sweepId, Instant asOf, Endpoint endpoint, Map<String, String> params,
            NamePattern namePattern, boolean skipUnmatched, boolean skipPersonal, long maxFileBytes,
            List<ImportInput> inputs) {

        public Request {
            params = Member.ordered(params);
            inputs = List.copyOf(inputs);
        }

        /** Files, folders and archives with no name pattern; personal data stops the run; raw files of the default size. */
        public Request(String sweepId, Instant asOf, Endpoint endpoint, Map<String, String> params, List<Path> paths) {
            this(sweepId, asOf, endpoint, params, null, false, false, DEFAULT_MAX_FILE_BYTES,
                    paths.stream().map(ImportInput::of).toList());
        }
    }

    /**
     * What an import did. {@code skipped}: already archived in the sweep (same request, same bytes).
     * {@code refused} and {@code leftOut} are counted by kind, in name order.
     */
    public record Result(String sweepId, List<Path> warcFiles, int imported, int skipped, int resumed,
            int unmatched, SortedMap<String, Integer> refused, SortedMap<String, Integer> leftOut) {

        /** The last raw file written, or null when nothing was. */
        public Path warcFile() {
            return warcFiles.isEmpty() ? null : warcFiles.get(warcFiles.size() - 1);
        }

        public int refusedCount() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int leftOutCount() {
            return leftOut.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ImportJob() {}

    /** @param warn receives one line per thing the user should know (guessed times, inferred endpoints, refusals). */
    public static Result run(DataRoot root, Request request, Instant now, Consumer<String> warn) throws IOException {
        return run(root, request, now, warn, false);
    }

    /**
     * As {@link #run(DataRoot, Request, Instant, Consumer)}; with {@code progress}, a {@link ProgressLine}
     * of the files (archive members, WARC records) read, once the request is found valid.
     */
    public static Result run(DataRoot root, Request request, Instant now, Consumer<String> warn, boolean progress)
            throws IOException {
        String sweepId = request.sweepId() != null ? SweepIds.requireValid(request.sweepId()) : SweepIds.of("import", now);
        if (request.namePattern() != null) {
            for (String p : request.namePattern().parameters()) {
                if (request.params().containsKey(p)) {
                    throw new IllegalArgumentException("--param " + p + " and --name-pattern '" + request.namePattern()
                            + "' both set " + p + ": give it once");
                }
            }
        }
        if (request.maxFileBytes() <= 0) {
            throw new IllegalArgumentException("the raw file size limit must be positive, not " + request.maxFileBytes());
        }
        if (request.asOf() == null) {
            warn.accept("no --as-of given: the import time " + now + " is recorded as as_of (as_of_source = import_time)");
        }
        MemberImporter importer = new MemberImporter(root, sweepId, request, now, warn);
        ProgressLine line = progress ? ProgressLine.start("import", -1, "files") : null;
        ImportInput.Sink sink = line == null ? importer : new ImportInput.Sink() {
            @Override
            public void member(Member member) throws IOException {
                importer.member(member);
                line.advance(1);
            }

            @Override
            public void leftOut(String kind) throws IOException {
                importer.leftOut(kind);
                line.advance(1);
            }
        };
        List<Path> published;
        try {
            for (ImportInput input : request.inputs()) {
                input.read(sink);
            }
            published = importer.publish();
        } catch (IOException | RuntimeException e) {
            importer.discard();
            throw e;
        } finally {
            importer.close();
        }
        if (line != null) {
            // Only on success: a failed import's one line is its error.
            line.finish();
        }
        importer.warnUnknown();
        return new Result(sweepId, published, importer.imported(), importer.skipped(), importer.resumed(),
                importer.unmatched(), importer.refused(), importer.leftOut());
    }
}
