package org.vaxslots.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.GitScrapes;
import org.vaxslots.testing.Trees;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.RawHeaders;

/**
 * {@code import --git} end to end on a repository built here from the real samples: the command
 * line imports it, normalize runs, and DuckDB reads the tables back, against session counts worked
 * out here from the committed JSON with Jackson.
 */
class GitImportJobTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final java.time.LocalDate APRIL_29 = java.time.LocalDate.of(2021, 4, 29);

    @TempDir
    Path dir;
    Path data;
    GitScrapes.Repo repo;
    String first;
    String merge;
    String third;

    @BeforeEach
    void buildRepository() throws Exception {
        repo = GitScrapes.build(dir.resolve("scrapes"));
        data = dir.resolve("data");
        first = GitHistory.sweepId(GitScrapes.FIRST, repo.first());
        merge = GitHistory.sweepId(GitScrapes.MERGE, repo.merge());
        third = GitHistory.sweepId(GitScrapes.THIRD, repo.third());
    }

    /** Sessions in a calendar body, by a plain walk: a bare centers array or {"centers": [...]}. */
    private static long sessions(byte[]... bodies) throws Exception {
        long n = 0;
        for (byte[] body : bodies) {
            JsonNode top = new ObjectMapper().readTree(body);
            for (JsonNode center : top.isArray() ? top : top.get("centers")) {
                n += center.get("sessions").size();
            }
        }
        return n;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private Cli.Run importGit(String... more) {
        List<String> args = new ArrayList<>(List.of("import", "--data-root", data.toString(), "--git", repo.dir().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Sweeps with published raw files, in name order. */
    private List<String> published() throws IOException {
        List<String> published = new ArrayList<>();
        for (String sweep : RawFiles.sweeps(new DataRoot(data))) {
            if (!RawFiles.list(new DataRoot(data), sweep).isEmpty()) {
                published.add(sweep);
            }
        }
        return published;
    }

    private void normalize() {
        Cli.Run normalize = Cli.run("normalize", "--data-root", data.toString());
        assertEquals(0, normalize.exit(), normalize.err());
    }

    private String fetches() {
        return Duck.table(data, "fetches");
    }

    private String sessionsTable() {
        return Duck.table(data, "sessions");
    }

    @Test
    void importGit_threeCommits_oneSweepPerCommitAsOfItsTimeWithEverySession() throws Exception {
        Cli.Run run = importGit();
        normalize();

        assertEquals(0, run.exit(), run.err());
        List<String> progress = run.err().lines().filter(l -> l.startsWith("import --git")).toList();
        assertEquals(2, progress.size(), run.err());
        assertTrue(progress.get(0).matches("import --git, screening: 3 commits in \\d+\\.\\d s \\(\\d+ commits/s\\)"), run.err());
        assertTrue(progress.get(1).matches("import --git: 3 commits in \\d+\\.\\d s \\(\\d+ commits/s\\)"), run.err());
        assertEquals(List.of(
                List.of(first, at(GitScrapes.FIRST), "git_commit", repo.first(), 2L),
                List.of(merge, at(GitScrapes.MERGE), "git_commit", repo.merge(), 1L),
                List.of(third, at(GitScrapes.THIRD), "git_commit", repo.third(), 1L)),
                Duck.rows("SELECT sweep_id, as_of_at, as_of_source, git_commit, count(*) FROM " + fetches()
                        + " GROUP BY ALL ORDER BY sweep_id"));
        assertEquals(List.of(
                List.of(first, GitScrapes.ROHTAK, 192, "ok"), List.of(first, GitScrapes.KOLLAM, 298, "ok"),
                List.of(merge, GitScrapes.GHAZIABAD, 651, "ok"), List.of(third, GitScrapes.KOLLAM, 298, "ok")),
                Duck.rows("SELECT sweep_id, source_file, district_id, outcome FROM " + fetches() + " ORDER BY sweep_id, district_id"));
        assertEquals(List.of(
                List.of(first, sessions(GitScrapes.rohtak(), GitScrapes.kollam())),
                List.of(merge, sessions(GitScrapes.ghaziabad())),
                List.of(third, sessions(GitScrapes.kollamLater()))),
                Duck.rows("SELECT sweep_id, count(*) FROM " + sessionsTable() + " GROUP BY ALL ORDER BY sweep_id"));
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.table(data, "rejects")));
        Cli.Run audit = Cli.run("audit", "--data-root", data.toString());
        assertEquals(0, audit.exit(), audit.out() + audit.err());
    }

    @Test
    void importGit_again_importsNothingAndLeavesRawAsItWas() throws Exception {
        importGit();
        Map<String, String> before = Trees.digests(new DataRoot(data).raw());

        Cli.Run again = importGit();

        assertEquals(0, again.exit(), again.err());
        assertEquals("imported 0 commit(s) of " + repo.dir() + " as sweeps: 0 file(s) archived; 3 commit(s) already imported\n",
                again.out());
        assertEquals(before, Trees.digests(new DataRoot(data).raw()));
    }

    @Test
    void importGit_repositoryGainsACommit_onlyTheNewCommitIsImported() throws Exception {
        importGit();
        normalize();
        String fourthCommit = GitScrapes.addFourth(repo.dir());
        String fourth = GitHistory.sweepId(GitScrapes.FOURTH, fourthCommit);

        GitImportJob.Result result = GitImportJob.run(new DataRoot(data), new GitImportJob.Request(repo.dir(), false,
                null, null, Map.of(), false), NOW, w -> { });
        normalize();

        assertEquals(new GitImportJob.Result(List.of(fourth), 1, 0, 0, 3), result);
        assertEquals(List.of(List.of(fourth, GitScrapes.BASTI, fourthCommit, sessions(GitScrapes.basti()))),
                Duck.rows("SELECT f.sweep_id, f.source_file, f.git_commit, count(*) FROM " + fetches() + " f JOIN "
                        + sessionsTable() + " s USING (sweep_id, fetch_id) WHERE f.sweep_id = '" + fourth + "' GROUP BY ALL"));
        assertEquals(4, Duck.count("SELECT count(DISTINCT sweep_id) FROM " + fetches()));
        assertEquals(5, Duck.count("SELECT count(*) FROM " + fetches()));
    }

    @Test
    void importGitTree_unchangedFiles_revisitsReadAsTheirEarlierCapture() throws Exception {
        Cli.Run run = importGit("--git-tree");
        normalize();

        assertEquals(0, run.exit(), run.err());
        assertEquals("imported 3 commit(s) of " + repo.dir() + " as sweeps: 7 file(s) archived, 3 of them unchanged"
                + " (revisit records)\n  " + first + " … " + third + "\n", run.out());
        assertEquals(List.of(
                List.of(first, GitScrapes.ROHTAK, "ok", Digests.sha256Hex(GitScrapes.rohtak()), sessions(GitScrapes.rohtak())),
                List.of(first, GitScrapes.KOLLAM, "ok", Digests.sha256Hex(GitScrapes.kollam()), sessions(GitScrapes.kollam())),
                List.of(merge, GitScrapes.ROHTAK, "ok", Digests.sha256Hex(GitScrapes.rohtak()), sessions(GitScrapes.rohtak())),
                List.of(merge, GitScrapes.KOLLAM, "ok", Digests.sha256Hex(GitScrapes.kollam()), sessions(GitScrapes.kollam())),
                List.of(merge, GitScrapes.GHAZIABAD, "ok", Digests.sha256Hex(GitScrapes.ghaziabad()),
                        sessions(GitScrapes.ghaziabad())),
                List.of(third, GitScrapes.KOLLAM, "ok", Digests.sha256Hex(GitScrapes.kollamLater()),
                        sessions(GitScrapes.kollamLater())),
                List.of(third, GitScrapes.GHAZIABAD, "ok", Digests.sha256Hex(GitScrapes.ghaziabad()),
                        sessions(GitScrapes.ghaziabad()))),
                Duck.rows("SELECT f.sweep_id, f.source_file, f.outcome, f.body_sha256, count(s.session_id) FROM " + fetches()
                        + " f LEFT JOIN " + sessionsTable() + " s USING (sweep_id, fetch_id)"
                        + " GROUP BY f.sweep_id, f.source_file, f.outcome, f.body_sha256, f.district_id"
                        + " ORDER BY f.sweep_id, f.district_id"));
        assertEquals(List.of(List.of(merge, at(GitScrapes.MERGE), repo.merge(), 3L)),
                Duck.rows("SELECT sweep_id, as_of_at, git_commit, count(*) FROM " + fetches() + " WHERE sweep_id = '" + merge
                        + "' GROUP BY ALL"));
        assertEquals(0, Duck.count("SELECT count(*) FROM ((SELECT session_id, available_capacity FROM " + sessionsTable()
                + " WHERE sweep_id = '" + first + "' AND district_id = 192) EXCEPT (SELECT session_id, available_capacity FROM "
                + sessionsTable() + " WHERE sweep_id = '" + merge + "' AND district_id = 192))"));
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.table(data, "rejects")));
    }

    @Test
    void importGitTree_afterAnImportWithout_keepsTheSweepsAsTheyWere() throws Exception {
        importGit();
        Map<String, String> before = Trees.digests(new DataRoot(data).raw());

        GitImportJob.Result result = GitImportJob.run(new DataRoot(data), new GitImportJob.Request(repo.dir(), true,
                null, null, Map.of(), false), NOW, w -> { });

        assertEquals(new GitImportJob.Result(List.of(), 0, 0, 0, 3), result);
        assertEquals(before, Trees.digests(new DataRoot(data).raw()));
    }

    @Test
    void importGit_namePatternOnThePath_selectsFilesAndReadsTheirRequest() throws Exception {
        Cli.Run run = importGit("--endpoint", "calendarByDistrict", "--name-pattern",
                "districts/calendarByDistrict_{district_id}-*_{date}.json");
        normalize();

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(List.of(first, 192, APRIL_29), List.of(first, 298, APRIL_29), List.of(merge, 651, APRIL_29),
                List.of(third, 298, APRIL_29)),
                Duck.rows("SELECT sweep_id, district_id, request_date FROM " + fetches() + " ORDER BY sweep_id, district_id"));
    }

    @Test
    void importGit_withFilesOrSweepIdOrTreeAlone_isAUsageError() {
        Cli.Run tree = Cli.run("import", "--data-root", data.toString(), "--git-tree", "dumps/");
        Cli.Run files = importGit("dumps/");
        Cli.Run sweep = importGit("--sweep-id", "apr29");

        assertEquals(List.of(2, 2, 2), List.of(tree.exit(), files.exit(), sweep.exit()));
        assertTrue(tree.err().startsWith("vaxslots: error: --git-tree goes with --git REPO\n"), tree.err());
        assertTrue(files.err().startsWith("vaxslots: error: --git REPO imports a repository; give no FILE|DIR|ARCHIVE with it"
                + " (they were: [dumps])\n"), files.err());
        assertTrue(sweep.err().startsWith("vaxslots: error: --git names each commit's sweep and as-of time itself;"
                + " drop --sweep-id and --as-of\n"), sweep.err());
    }

    @Test
    void importGit_commitWithPersonalData_refusedAndNothingOfThatCommitArchived() throws Exception {
        String leak = "districts/calendarByDistrict_192-Rohtak_2021-04-30.json";
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.dir().toFile())) {
            java.nio.file.Files.writeString(repo.dir().resolve(leak), "{\"beneficiaries\":[{\"mobile_number\":\"9xxxxxxxx1\"}]}");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("oops").setSign(false).setCommitter(new org.eclipse.jgit.lib.PersonIdent("scraper",
                    "scraper@example.org", GitScrapes.FOURTH, ZoneOffset.UTC)).call();
        }

        Cli.Run stopped = importGit();
        List<String> publishedAfterStop = published();
        Cli.Run skipping = importGit("--skip-personal");

        assertEquals(1, stopped.exit());
        assertTrue(stopped.err().startsWith("vaxslots: error: refused " + leak + " of commit "), stopped.err());
        assertTrue(stopped.err().contains("nothing was archived"), stopped.err());
        assertFalse(stopped.err().contains("9xxxxxxxx1"), stopped.err());
        assertEquals(List.of(), publishedAfterStop);
        assertEquals(0, skipping.exit(), skipping.err());
        assertTrue(skipping.out().startsWith("imported 3 commit(s) of " + repo.dir() + " as sweeps: "), skipping.out());
        assertTrue(skipping.out().contains(" 1 refused (personal data)"), skipping.out());
        assertEquals(List.of(first, merge, third), published());
    }

    @Test
    void importGit_repositoryWithoutCommits_isAClearError() throws Exception {
        Path empty = dir.resolve("empty");
        org.eclipse.jgit.api.Git.init().setDirectory(empty.toFile()).call().close();

        Cli.Run run = Cli.run("import", "--data-root", data.toString(), "--git", empty.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("vaxslots: error: " + empty.resolve(".git") + " has no commits on HEAD: nothing to import\n"),
                run.err());
    }

    @Test
    void importGitTree_revisitRecord_namesTheCaptureItRepeats() throws Exception {
        GitImportJob.Result result = GitImportJob.run(new DataRoot(data), new GitImportJob.Request(repo.dir(), true,
                null, null, Map.of(), false), NOW, w -> { });

        List<WarcRevisit> revisits = new ArrayList<>();
        for (Path file : RawFiles.list(new DataRoot(data), third)) {
            try (WarcReader reader = new WarcReader(FileChannel.open(file))) {
                for (WarcRecord r : reader) {
                    if (r instanceof WarcRevisit revisit) {
                        revisits.add(revisit);
                    }
                }
            }
        }
        assertEquals(new GitImportJob.Result(List.of(first, merge, third), 7, 3, 0, 0), result);
        assertEquals(1, revisits.size());
        WarcRevisit ghaziabad = revisits.get(0);
        assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, ghaziabad.profile());
        assertEquals(merge, ghaziabad.headers().first(RawHeaders.REFERS_TO_SWEEP).orElseThrow());
        assertEquals(GitScrapes.GHAZIABAD, ghaziabad.headers().first(RawHeaders.SOURCE_FILE).orElseThrow());
        assertEquals(repo.third(), ghaziabad.headers().first(RawHeaders.GIT_COMMIT).orElseThrow());
        assertEquals(Digests.sha256Hex(GitScrapes.ghaziabad()), ghaziabad.payloadDigest().orElseThrow().hex());
        assertEquals(ghaziabad.target(), ghaziabad.refersToTargetURI().orElseThrow().toString());
        assertEquals(0, ghaziabad.body().size());
    }
}
