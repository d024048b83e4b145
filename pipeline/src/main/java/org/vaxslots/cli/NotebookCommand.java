package org.vaxslots.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaxslots.sql.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Run a notebooks-sql/explore/NN_name.sql file statement by statement (after the",
                "marts) and write Markdown with each statement and its first rows, readable on GitHub."})
final class NotebookCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The notebook, e.g. notebooks-sql/explore/01_time_to_book.sql.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE.md", description = "Markdown to write (default: FILE with .sql replaced by .md).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String name = file.getFileName().toString();
        Path md = out != null ? out : file.resolveSibling(name.replaceFirst("\\.sql$", "") + ".md");
        NotebookRunner.Result r = NotebookRunner.run(common.root(), file, md);
        System.out.println("ran " + r.statements() + " statement(s) of " + file + "; wrote " + r.markdown());
        return 0;
    }
}
