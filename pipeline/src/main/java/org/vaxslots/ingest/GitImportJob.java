package org.vaxslots.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRevisit;
import org.vaxslots.model.Endpoint;
import org.vaxslots.privacy.PersonalDataScreen;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.store.ProgressLine;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.RawHeaders;

/**
 * Imports a git-scraping repository: each commit of the first-parent chain of HEAD that holds
 * matching files becomes one sweep ({@link GitHistory#sweepId}), as of its committer time
 * ({@code as_of_source = git_commit}: an upper bound of when the scraper captured the files, since
 * it committed after it fetched). Each commit's files go through {@link ImportJob} as members (the
 * same screen, name pattern, identity and raw files as any import), with the commit id and the
 * path in the repository on their records.
 *
 * <p>By default a commit's sweep holds the files it added or changed. With {@code wholeTree} it
 * holds every matching file of the commit's tree; one whose blob is the one already captured is a
 * {@code revisit} record (profile identical-payload-digest) naming the sweep of that capture,
 * which normalize reads in its place as it reads a 304 ({@link Revisits}).
 *
 * <p>A commit whose sweep already has published raw files is done and skipped, so running again
 * imports nothing twice and a repository that gained commits imports only the new ones; an import
 * killed inside a commit resumes from what {@link ImportJob} staged. A sweep is kept as it was
 * first imported, with or without {@code wholeTree}.
 */
public final class GitImportJob {
    /**
     * @param namePattern which paths in the tree are captures and what they say of the request;
     *                    null: files ending .json, request inferred from the file name and body
     * @param endpoint    the endpoint of every file, or null to infer it
     * @param params      request parameters given for every file
     * @param skipPersonal a file with personal data is refused and counted, and the rest archived
     * @param maxFileBytes a commit's raw file is closed and a new one begun once it is this large
     */
    public record Request(Path repository, boolean wholeTree, NamePattern namePattern, Endpoint endpoint,
            Map<String, String> params, boolean skipPersonal, long maxFileBytes) {

        /** Files of the default size. */
        public Request(Path repository, boolean wholeTree, NamePattern namePattern, Endpoint endpoint,
                Map<String, String> params, boolean skipPersonal) {
            this(repository, wholeTree, namePattern, endpoint, params, skipPersonal, ImportJob.DEFAULT_MAX_FILE_BYTES);
        }
    }

    /**
     * What a run did: the sweeps written (one per commit), the records archived, how many files of
     * those commits were unchanged (archived as revisits), files refused for personal data, and
     * commits whose sweep was already in raw/.
     */
    public record Result(List<String> sweepIds, int archived, int unchanged, int refused, int alreadyImported) {}

    private GitImportJob() {}

    /** Which paths of a tree are captures: those the pattern matches, else files ending .json. */
    static Predicate<String> matching(NamePattern pattern) {
        return pattern == null ? path -> path.endsWith(".json") : path -> pattern.match(path).isPresent();
    }

    /** @param warn receives one line per thing the user should know (inferred endpoints, refusals). */
    public static Result run(DataRoot root, Request request, Instant now, Consumer<String> warn) throws IOException {
        return run(root, request, now, warn, false);
    }

    /**
     * As {@link #run(DataRoot, Request, Instant, Consumer)}; with {@code progress}, the commits
     * screened and then those imported are shown as {@link ProgressLine}s (their summary lines only
     * when that pass finishes).
     */
    public static Result run(DataRoot root, Request request, Instant now, Consumer<String> warn, boolean progress)
            throws IOException {
        List<String> sweeps = new ArrayList<>();
        int[] counts = new int[4];
        try (GitHistory history = GitHistory.open(request.repository())) {
            if (!request.skipPersonal()) {
                ProgressLine screened = progress ? ProgressLine.start("import --git, screening", -1, "commits") : null;
                screenFirst(root, history, matching(request.namePattern()), screened);
                if (screened != null) {
                    screened.finish();
                }
            }
            ProgressLine imported = progress ? ProgressLine.start("import --git", -1, "commits") : null;
            history.walk(matching(request.namePattern()), request.wholeTree(), commit -> {
                if (imported != null) {
                    imported.advance(1);
                }
                if (!RawFiles.list(root, commit.sweepId()).isEmpty()) {
                    counts[3]++;
                    return;
                }
                ImportJob.Result r = ImportJob.run(root, new ImportJob.Request(commit.sweepId(), commit.committedAt(),
                        request.endpoint(), request.params(), request.namePattern(), false, request.skipPersonal(),
                        request.maxFileBytes(), List.of(input(history, commit))), now, warn);
                counts[0] += r.imported();
                counts[1] += (int) commit.files().stream().filter(f -> !f.changed()).count();
                counts[2] += r.refusedCount();
                if (!r.warcFiles().isEmpty()) {
                    sweeps.add(commit.sweepId());
                }
            });
            if (imported != null) {
                imported.finish();
            }
        }
        return new Result(List.copyOf(sweeps), counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * Without --skip-personal a refusal must leave raw/ as it was, but each commit is published as
     * its own sweep: so every file the run would archive is screened first, in a walk of its own
     * (each blob is then read twice), and the first finding stops the run before any commit is.
     */
    private static void screenFirst(DataRoot root, GitHistory history, Predicate<String> matches, ProgressLine progress)
            throws IOException {
        history.walk(matches, false, commit -> {
            if (progress != null) {
                progress.advance(1);
            }
            if (!RawFiles.list(root, commit.sweepId()).isEmpty()) {
                return;
            }
            for (GitHistory.File file : commit.files()) {
                Optional<PersonalDataScreen.Finding> f = PersonalDataScreen.sourcePath(file.path());
                if (f.isEmpty()) {
                    f = PersonalDataScreen.body(history.read(file.blobId()));
                }
                if (f.isPresent()) {
                    throw new ImportRefusedException("refused " + PersonalDataScreen.printableSourcePath(file.path())
                            + " of commit " + commit.commitId().substring(0, 7) + ": " + f.get().describe()
                            + " (personal data or a non-public endpoint never enters raw/); nothing was archived."
                            + " Remove it from the repository's history, or pass --skip-personal to archive the rest");
                }
            }
        });
    }

    /** A commit's files as import members, read from the repository one at a time. */
    private static ImportInput input(GitHistory history, GitHistory.Commit commit) {
        return new ImportInput() {
            @Override
            public String label() {
                return "commit " + commit.commitId();
            }

            @Override
            public void read(Sink sink) throws IOException {
                for (GitHistory.File file : commit.files()) {
                    Map<String, String> fields = new java.util.LinkedHashMap<>();
                    fields.put(RawHeaders.AS_OF_SOURCE, "git_commit");
                    fields.put(RawHeaders.GIT_COMMIT, commit.commitId());
                    if (!file.changed()) {
                        fields.put(RawHeaders.REFERS_TO_SWEEP, file.capturedIn());
                    }
                    sink.member(Member.file(file.path(), history.read(file.blobId())).withFields(fields));
                }
            }
        };
    }

    /**
     * The record of an unchanged file of a commit's tree (a member whose fields name
     * {@link RawHeaders#REFERS_TO_SWEEP}): a revisit that the payload is the one captured there.
     * It carries no body; {@link Revisits} finds the capture by endpoint, parameters and path.
     */
    static WarcRevisit revisit(URI target, Instant date, byte[] body, Map<String, String> fields) {
        WarcRevisit.Builder b = new WarcRevisit.Builder(target, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(date)
                .payloadDigest(new WarcDigest("sha256", Digests.sha256(body)));
        b.addHeader("WARC-Refers-To-Target-URI", target.toString());
        fields.forEach(b::addHeader);
        return b.build();
    }
}
