package org.vaxslots.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one command line: each subcommand is one job. */
@Command(name = "vaxslots",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Open-data pipeline for Co-WIN vaccination appointment availability.",
        subcommands = {DemoCommand.class, ImportCommand.class, NormalizeCommand.class, SqlCommand.class,
                SimulateCommand.class, SnapshotCommand.class, CompactCommand.class, ReportCommand.class, NotebookCommand.class,
                AuditCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error.",
                "Data root: --data-root, else $VAXSLOTS_DATA_ROOT, else ./data."})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never exits the JVM (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Descriptions are written as lines of up to ~105 characters; picocli's default of 80 broke
        // each of them in two.
        cli.setUsageHelpWidth(110);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"vaxslots " + (v == null ? "(development build)" : v)};
        }
    }
}
