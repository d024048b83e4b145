package org.vaxslots.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.GitScrapes;

class GitHistoryTest {
    private static final Predicate<String> JSON = p -> p.endsWith(".json");

    @TempDir
    Path dir;
    GitScrapes.Repo repo;

    @BeforeEach
    void buildRepository() throws Exception {
        repo = GitScrapes.build(dir.resolve("scrapes"));
    }

    private List<GitHistory.Commit> walk(Predicate<String> matches, boolean wholeTree) throws IOException {
        List<GitHistory.Commit> commits = new ArrayList<>();
        try (GitHistory history = GitHistory.open(repo.dir())) {
            history.walk(matches, wholeTree, commits::add);
        }
        return commits;
    }

    private static String blob(byte[] bytes) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).getName();
    }

    private static String sweep(Instant at, String commit) {
        return "git-" + at.toString().replace("-", "").replace(":", "") + "-" + commit.substring(0, 7);
    }

    @Test
    void sweepId_commitTimeAndShortId_namedAsSpecified() {
        assertEquals("git-20210429T063000Z-0123abc",
                GitHistory.sweepId(GitScrapes.FIRST, "0123abc456789def0123abc456789def01234567"));
    }

    @Test
    void walk_changedFilesOnly_oneCommitPerScrapeOnTheFirstParentChain() throws Exception {
        String first = sweep(GitScrapes.FIRST, repo.first());
        String merge = sweep(GitScrapes.MERGE, repo.merge());
        String third = sweep(GitScrapes.THIRD, repo.third());

        List<GitHistory.Commit> commits = walk(JSON, false);

        assertEquals(List.of(
                new GitHistory.Commit(first, GitScrapes.FIRST, repo.first(), List.of(
                        new GitHistory.File(GitScrapes.ROHTAK, blob(GitScrapes.rohtak()), true, first, repo.first(), GitScrapes.FIRST),
                        new GitHistory.File(GitScrapes.KOLLAM, blob(GitScrapes.kollam()), true, first, repo.first(), GitScrapes.FIRST))),
                new GitHistory.Commit(merge, GitScrapes.MERGE, repo.merge(), List.of(
                        new GitHistory.File(GitScrapes.GHAZIABAD, blob(GitScrapes.ghaziabad()), true, merge, repo.merge(), GitScrapes.MERGE))),
                new GitHistory.Commit(third, GitScrapes.THIRD, repo.third(), List.of(
                        new GitHistory.File(GitScrapes.KOLLAM, blob(GitScrapes.kollamLater()), true, third, repo.third(), GitScrapes.THIRD)))),
                commits);
    }

    @Test
    void walk_wholeTree_unchangedFilesNameTheirEarlierCapture() throws Exception {
        String first = sweep(GitScrapes.FIRST, repo.first());
        String merge = sweep(GitScrapes.MERGE, repo.merge());
        String third = sweep(GitScrapes.THIRD, repo.third());

        List<GitHistory.Commit> commits = walk(JSON, true);

        assertEquals(List.of(
                new GitHistory.Commit(first, GitScrapes.FIRST, repo.first(), List.of(
                        new GitHistory.File(GitScrapes.ROHTAK, blob(GitScrapes.rohtak()), true, first, repo.first(), GitScrapes.FIRST),
                        new GitHistory.File(GitScrapes.KOLLAM, blob(GitScrapes.kollam()), true, first, repo.first(), GitScrapes.FIRST))),
                new GitHistory.Commit(merge, GitScrapes.MERGE, repo.merge(), List.of(
                        new GitHistory.File(GitScrapes.ROHTAK, blob(GitScrapes.rohtak()), false, first, repo.first(), GitScrapes.FIRST),
                        new GitHistory.File(GitScrapes.KOLLAM, blob(GitScrapes.kollam()), false, first, repo.first(), GitScrapes.FIRST),
                        new GitHistory.File(GitScrapes.GHAZIABAD, blob(GitScrapes.ghaziabad()), true, merge, repo.merge(), GitScrapes.MERGE))),
                new GitHistory.Commit(third, GitScrapes.THIRD, repo.third(), List.of(
                        new GitHistory.File(GitScrapes.KOLLAM, blob(GitScrapes.kollamLater()), true, third, repo.third(), GitScrapes.THIRD),
                        new GitHistory.File(GitScrapes.GHAZIABAD, blob(GitScrapes.ghaziabad()), false, merge, repo.merge(), GitScrapes.MERGE)))),
                commits);
    }

    @Test
    void walk_patternOnThePath_onlyCommitsWithAMatchingFile() throws Exception {
        List<GitHistory.Commit> commits = walk(p -> p.startsWith("districts/") && p.contains("_651-"), false);

        assertEquals(List.of(repo.merge()), commits.stream().map(GitHistory.Commit::commitId).toList());
    }

    @Test
    void walk_newCommit_appendedAfterTheOthers() throws Exception {
        String fourth = GitScrapes.addFourth(repo.dir());

        List<GitHistory.Commit> commits = walk(JSON, false);

        assertEquals(List.of(repo.first(), repo.merge(), repo.third(), fourth),
                commits.stream().map(GitHistory.Commit::commitId).toList());
        assertEquals(List.of(GitScrapes.BASTI), commits.get(3).files().stream().map(GitHistory.File::path).toList());
    }

    @Test
    void read_blobOfAFile_givesTheCommittedBytes() throws Exception {
        try (GitHistory history = GitHistory.open(repo.dir())) {
            assertArrayEquals(GitScrapes.kollamLater(), history.read(blob(GitScrapes.kollamLater())));
        }
    }

    @Test
    void walk_bareClone_sameCommitsAsTheWorkTree() throws Exception {
        Path bare = dir.resolve("scrapes.git");
        org.eclipse.jgit.api.Git.cloneRepository().setURI(repo.dir().toUri().toString()).setDirectory(bare.toFile())
                .setBare(true).call().close();
        List<GitHistory.Commit> fromBare = new ArrayList<>();

        try (GitHistory history = GitHistory.open(bare)) {
            history.walk(JSON, true, fromBare::add);
        }

        assertEquals(walk(JSON, true), fromBare);
    }

    @Test
    void open_plainDirectory_isAClearError() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        IOException e = assertThrows(IOException.class, () -> GitHistory.open(plain));

        assertEquals(plain + " is not a git repository (no .git directory, nor a bare repository):"
                + " give the directory you cloned, e.g. import --git ./covid-scraper", e.getMessage());
    }
}
