package org.vaxslots.raw;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcRevisit;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;

/**
 * Imports a git-scraping repository: each commit of the first-parent chain of HEAD that holds
 * matching files becomes one sweep ({@link GitHistory#sweepId}), as of its committer time (an
 * upper bound of when the scraper captured the files: it committed after it fetched). Each file is
 * a WARC {@code resource} record with the exact committed bytes, the commit id and the path in the
 * repository.
 *
 * <p>By default a commit's sweep holds the files it added or changed. With {@code wholeTree} it
 * holds every matching file of the commit's tree; one whose blob is the one already captured is a
 * {@code revisit} record (profile identical-payload-digest) naming the sweep of that capture,
 * which normalize reads in its place, as it reads a 304 ({@link Revisits}).
 *
 * <p>A sweep is written to one raw file, published whole by rename; a commit whose sweep already
 * has a raw file is done and skipped, so running again imports nothing twice and a repository
 * that gained commits imports only the new ones. Record ids are derived from the commit and path,
 * so the same commit imported twice anywhere gives the same ids.
 */
public final class GitImportJob {
    /** The file kinds of a sweep's raw file, which say how it was imported. */
    static final String KIND_CHANGES = "git";
    static final String KIND_TREE = "git-tree";

    /**
     * @param matches  which paths in the tree are captures (the name pattern, or files ending .json)
     * @param endpoint the endpoint of every file, or null to infer it from each file's name and shape
     * @param params   request parameters given for every file
     */
    public record Request(Path repository, boolean wholeTree, Predicate<String> matches, Endpoint endpoint,
            Map<String, String> params) {}

    /** What a run did: commits imported as sweeps, files written as captures and as revisits, commits already done. */
    public record Result(List<String> sweepIds, int captures, int revisits, int alreadyImported) {}

    private GitImportJob() {}

    /** Files ending .json, the default when no name pattern is given. */
    public static Predicate<String> jsonFiles() {
        return path -> path.endsWith(".json");
    }

    /** @param warn receives one line per thing the user should know (inferred endpoints, sweeps of the other mode). */
    public static Result run(DataRoot root, Request request, Instant now, Consumer<String> warn) throws IOException {
        List<String> sweeps = new java.util.ArrayList<>();
        int[] counts = new int[3];
        try (GitHistory history = GitHistory.open(request.repository())) {
            history.walk(request.matches(), request.wholeTree(), commit -> {
                List<Path> existing = RawFiles.list(root, commit.sweepId());
                if (!existing.isEmpty()) {
                    String kind = request.wholeTree() ? KIND_TREE : KIND_CHANGES;
                    if (existing.stream().noneMatch(p -> p.getFileName().toString().startsWith(kind + "-"))) {
                        warn.accept("sweep " + commit.sweepId() + " was imported " + (request.wholeTree() ? "without" : "with")
                                + " --git-tree; kept as it is (import into a new --data-root to have it the other way)");
                    }
                    counts[2]++;
                    return;
                }
                importCommit(root, request, history, commit, now, warn, counts);
                sweeps.add(commit.sweepId());
            });
        }
        return new Result(List.copyOf(sweeps), counts[0], counts[1], counts[2]);
    }

    private static void importCommit(DataRoot root, Request request, GitHistory history, GitHistory.Commit commit,
            Instant now, Consumer<String> warn, int[] counts) throws IOException {
        WarcArchiveWriter writer = WarcArchiveWriter.create(root, commit.sweepId(),
                request.wholeTree() ? KIND_TREE : KIND_CHANGES, now,
                Map.of("software", "vaxslots import", "format", "WARC File Format 1.0",
                        "description", "files of git commit " + commit.commitId() + " imported as exact bytes"));
        try {
            for (GitHistory.File file : commit.files()) {
                byte[] body = history.read(file.blobId());
                Member member = member(request, commit, file, body, warn);
                URI target = ImportJob.targetUri(member.endpoint(), member.params());
                Map<String, String> fields = fields(member, commit, file, body);
                WarcDigest digest = new WarcDigest("sha256", Digests.sha256(body));
                if (file.changed()) {
                    WarcResource.Builder b = new WarcResource.Builder(target)
                            .recordId(recordId(file.capturedCommit(), file.path()))
                            .date(commit.committedAt())
                            .blockDigest(digest)
                            .payloadDigest(digest)
                            .body(ImportJob.mediaType(body), body);
                    fields.forEach(b::addHeader);
                    writer.write(b.build());
                    counts[0]++;
                } else {
                    WarcRevisit.Builder b = new WarcRevisit.Builder(target, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                            .recordId(revisitId(commit.commitId(), file.path()))
                            .date(commit.committedAt())
                            .payloadDigest(digest)
                            .refersTo(recordId(file.capturedCommit(), file.path()), target, file.capturedAt());
                    fields.put(RawHeaders.REFERS_TO_SWEEP, file.capturedIn());
                    fields.forEach(b::addHeader);
                    writer.write(b.build());
                    counts[1]++;
                }
            }
        } catch (IOException | RuntimeException e) {
            writer.abandon();
            throw e;
        }
        writer.close();
    }

    /** What a file's request was: given, or inferred from its name and shape as for any imported file. */
    private record Member(Endpoint endpoint, Map<String, String> params, String inferred) {}

    private static Member member(Request request, GitHistory.Commit commit, GitHistory.File file, byte[] body,
            Consumer<String> warn) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        RecordedFile recorded = RecordedFile.infer(name, body);
        Endpoint endpoint = request.endpoint() != null ? request.endpoint() : recorded.endpoint();
        Map<String, String> params = new LinkedHashMap<>(request.endpoint() != null ? Map.of() : recorded.params());
        params.putAll(request.params());
        if (endpoint == Endpoint.UNKNOWN && file.changed()) {
            warn.accept(file.path() + " (commit " + commit.commitId().substring(0, 7)
                    + "): endpoint unknown (name it with --endpoint); archived as 'unknown'");
        }
        return new Member(endpoint, params, request.endpoint() != null ? "nothing: endpoint given" : recorded.inferred());
    }

    private static Map<String, String> fields(Member member, GitHistory.Commit commit, GitHistory.File file, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RawHeaders.SWEEP_ID, commit.sweepId());
        fields.put(RawHeaders.ENDPOINT, member.endpoint().apiName());
        fields.put(RawHeaders.PARAMS, ImportJob.query(member.params()));
        fields.put(RawHeaders.INFERRED, member.inferred());
        fields.put(RawHeaders.AS_OF, commit.committedAt().toString());
        fields.put(RawHeaders.AS_OF_SOURCE, "git_commit");
        fields.put(RawHeaders.SOURCE_FILE, file.path());
        fields.put(RawHeaders.SOURCE_SHA256, Digests.sha256Hex(body));
        fields.put(RawHeaders.GIT_COMMIT, commit.commitId());
        return fields;
    }

    private static URI recordId(String commitId, String path) {
        return URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(("git " + commitId + " " + path).getBytes(StandardCharsets.UTF_8)));
    }

    private static URI revisitId(String commitId, String path) {
        return URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(("git revisit " + commitId + " " + path)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
