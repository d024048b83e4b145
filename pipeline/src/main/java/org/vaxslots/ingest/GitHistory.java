package org.vaxslots.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * The captures of a git-scraping repository, where each commit is one run of a scraper: walks the
 * first-parent history of HEAD, oldest first, and gives each commit with its matching files. A
 * file is <em>changed</em> when its blob is not the one at the same path in the first parent
 * (added or modified); a deleted file is in neither tree and so is no capture. A merge commit is
 * compared with its first parent only, so what a side branch brought in is the merge's capture.
 *
 * <p>Nothing of the history is held but, per path, where its current blob was first seen: each
 * commit is handed over before the next is read, and blob bytes are read only on request.
 */
public final class GitHistory implements AutoCloseable {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int SHORT_ID = 7;

    /**
     * One matching file of a commit's tree. {@code capturedIn}, {@code capturedCommit} and
     * {@code capturedAt} name the sweep, id and time of the commit whose change brought this blob to
     * this path: the commit itself when {@code changed}, else an earlier one.
     */
    public record File(String path, String blobId, boolean changed, String capturedIn, String capturedCommit,
            Instant capturedAt) {}

    /** A commit of the first-parent chain and its matching files, in path order. */
    public record Commit(String sweepId, Instant committedAt, String commitId, List<File> files) {}

    private record Seen(String blobId, String sweepId, String commitId, Instant at) {}

    private final Repository repository;

    private GitHistory(Repository repository) {
        this.repository = repository;
    }

    /**
     * Opens the repository at {@code dir}: a work tree (its {@code .git} inside, a directory, or a
     * file naming it as in a linked worktree or submodule) or a bare repository.
     */
    public static GitHistory open(Path dir) throws IOException {
        NoSystemConfig.install();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        java.io.File file = dir.toFile();
        if (new java.io.File(file, Constants.DOT_GIT).exists()) {
            builder.setWorkTree(file);
        } else {
            builder.setGitDir(file);
        }
        try {
            Repository repository = builder.build();
            if (!repository.getObjectDatabase().exists()) {
                repository.close();
                throw notARepository(dir);
            }
            return new GitHistory(repository);
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw notARepository(dir);
        }
    }

    private static IOException notARepository(Path dir) {
        return new IOException(dir + " is not a git repository (no .git directory, nor a bare repository):"
                + " give the directory you cloned, e.g. import --git ./covid-scraper");
    }

    /** The sweep id of a commit: {@code git-<committer time, UTC>-<first 7 of the commit id>}. */
    public static String sweepId(Instant committedAt, String commitId) {
        return "git-" + STAMP.format(committedAt) + "-" + commitId.substring(0, SHORT_ID);
    }

    /** Receives each commit, oldest first; may throw to stop the walk. */
    @FunctionalInterface
    public interface Handler {
        void accept(Commit commit) throws IOException;
    }

    /**
     * Walks the first-parent chain of HEAD, oldest first. With {@code wholeTree} false each commit
     * lists only its changed matching files, and a commit with none is not handed over; with it
     * true each commit lists every matching file of its tree, and one with none is not handed over.
     */
    public void walk(Predicate<String> matches, boolean wholeTree, Handler handler) throws IOException {
        Map<String, Seen> seen = new HashMap<>();
        try (RevWalk revWalk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            for (RevCommit commit : firstParentChain(revWalk)) {
                Instant at = Instant.ofEpochSecond(commit.getCommitTime());
                String sweepId = sweepId(at, commit.getName());
                List<File> files = new ArrayList<>();
                try (TreeWalk tree = new TreeWalk(reader)) {
                    tree.addTree(commit.getTree());
                    if (commit.getParentCount() > 0) {
                        tree.addTree(revWalk.parseCommit(commit.getParent(0)).getTree());
                    } else {
                        tree.addTree(new EmptyTreeIterator());
                    }
                    tree.setRecursive(true);
                    if (!wholeTree) {
                        // Only what differs from the first parent can be a capture; nothing else need be read.
                        tree.setFilter(TreeFilter.ANY_DIFF);
                    }
                    while (tree.next()) {
                        String path = tree.getPathString();
                        if (!isFile(tree.getFileMode(0))) {
                            seen.remove(path);
                            continue;
                        }
                        ObjectId blob = tree.getObjectId(0);
                        boolean changed = !isFile(tree.getFileMode(1)) || !blob.equals(tree.getObjectId(1));
                        if (changed) {
                            seen.put(path, new Seen(blob.getName(), sweepId, commit.getName(), at));
                        }
                        Seen capture = seen.get(path);
                        if (matches.test(path) && (changed || wholeTree)) {
                            files.add(new File(path, blob.getName(), changed, capture.sweepId(), capture.commitId(),
                                    capture.at()));
                        }
                    }
                }
                if (!files.isEmpty()) {
                    handler.accept(new Commit(sweepId, at, commit.getName(), List.copyOf(files)));
                }
            }
        }
    }

    /** The bytes of a blob, exactly as committed; one past {@link Member#MAX_BYTES} is an error, as in an archive. */
    public byte[] read(String blobId) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader blob = reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB);
            if (blob.getSize() > Member.MAX_BYTES) {
                throw new IOException("blob " + blobId + " of " + repository.getDirectory() + " is larger than "
                        + (Member.MAX_BYTES >> 20) + " MiB, more than any Co-WIN response: leave its path out with"
                        + " --name-pattern");
            }
            return blob.getCachedBytes(Member.MAX_BYTES);
        }
    }

    private List<RevCommit> firstParentChain(RevWalk revWalk) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            throw new IOException(repository.getDirectory() + " has no commits on HEAD: nothing to import");
        }
        List<RevCommit> chain = new ArrayList<>();
        RevCommit commit = revWalk.parseCommit(head);
        while (true) {
            chain.add(commit);
            if (commit.getParentCount() == 0) {
                break;
            }
            commit = revWalk.parseCommit(commit.getParent(0));
        }
        Collections.reverse(chain);
        return chain;
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    @Override
    public void close() {
        repository.close();
    }

    /**
     * JGit finds git's system-wide config by running the {@code git} program, if one is installed;
     * vaxslots never runs git, and reading blobs needs no system setting, so that config is empty.
     */
    private static final class NoSystemConfig extends SystemReader.Delegate {
        private NoSystemConfig(SystemReader delegate) {
            super(delegate);
        }

        static synchronized void install() {
            if (!(SystemReader.getInstance() instanceof NoSystemConfig)) {
                SystemReader.setInstance(new NoSystemConfig(SystemReader.getInstance()));
            }
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }
}
