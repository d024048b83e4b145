package org.vaxslots.cli;

import java.time.Instant;
import java.util.List;
import org.vaxslots.ingest.NamePattern;
import org.vaxslots.ingest.GitImportJob;

/** {@code import --git REPO [--git-tree]}: the options that go with a repository, and the run's summary. */
final class ImportGit {
    private ImportGit() {}

    static int run(ImportCommand c) throws Exception {
        if (c.git == null) {
            throw new IllegalArgumentException("--git-tree goes with --git REPO");
        }
        if (!c.inputs.isEmpty()) {
            throw new IllegalArgumentException("--git REPO imports a repository; give no FILE|DIR|ARCHIVE with it (they were: "
                    + c.inputs + ")");
        }
        if (c.sweepId != null || c.asOf != null) {
            throw new IllegalArgumentException("--git names each commit's sweep and as-of time itself;"
                    + " drop --sweep-id and --as-of");
        }
        if (c.skipUnmatched) {
            throw new IllegalArgumentException("--skip-unmatched has no use with --git: a file --name-pattern does not"
                    + " match is not a capture, and is left out anyway");
        }
        GitImportJob.Request request = new GitImportJob.Request(c.git, c.gitTree,
                c.namePattern == null ? null : NamePattern.compile(c.namePattern),
                ImportCommand.parseEndpoint(c.endpoint), ImportCommand.parseParams(c.params), c.skipPersonal,
                ImportCommand.parseSize(c.rawFileSize));
        GitImportJob.Result r = GitImportJob.run(c.common.root(), request, Instant.now(),
                line -> System.err.println("vaxslots: warning: " + line), true);
        System.out.println("imported " + r.sweepIds().size() + " commit(s) of " + c.git + " as sweeps: "
                + r.archived() + " file(s) archived" + (c.gitTree ? ", " + r.unchanged() + " of them unchanged (revisit records)" : "")
                + (r.refused() > 0 ? ", " + r.refused() + " refused (personal data)" : "")
                + (r.alreadyImported() > 0 ? "; " + r.alreadyImported() + " commit(s) already imported" : ""));
        List<String> sweeps = r.sweepIds();
        if (!sweeps.isEmpty()) {
            System.out.println("  " + sweeps.get(0) + (sweeps.size() > 1 ? " … " + sweeps.get(sweeps.size() - 1) : ""));
        }
        return 0;
    }
}
