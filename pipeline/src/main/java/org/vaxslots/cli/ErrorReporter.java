package org.vaxslots.cli;

import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Failures as one line that names the thing and the fix; the stack trace only with --verbose.
 * Bad arguments found while running (an invalid sweep id, an unknown endpoint) exit 2 like other
 * usage errors.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
        if (verbose) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().println("vaxslots: error: " + message(e));
        if (!verbose) {
            cli.getErr().println("(run with --verbose for details)");
        }
        return e instanceof IllegalArgumentException ? 2 : 1;
    }

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
