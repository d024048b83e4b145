package org.vaxslots.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The one command line: each subcommand is one job. */
@Command(name = "vaxslots",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Open-data pipeline for Co-WIN vaccination appointment availability.",
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error.",
                "Data root: --data-root, else $VAXSLOTS_DATA_ROOT, else ./data."})
public final class Main {
    /**
     * The subcommands, in the order help lists them. Only the one a command line names is built,
     * as picocli reads every option of every command it is given: {@code snapshot -h} starts in
     * 0.46 s instead of 0.49 s (medians of 6). Most of picocli's ~0.2 s is its own classes.
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("demo", DemoCommand::new);
        c.put("import", ImportCommand::new);
        c.put("normalize", NormalizeCommand::new);
        c.put("sql", SqlCommand::new);
        c.put("simulate", SimulateCommand::new);
        c.put("snapshot", SnapshotCommand::new);
        c.put("compact", CompactCommand::new);
        c.put("report", ReportCommand::new);
        c.put("publish", PublishCommand::new);
        c.put("notebook", NotebookCommand::new);
        c.put("audit", AuditCommand::new);
        return Collections.unmodifiableMap(c);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never exits the JVM (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            // help, --version, a typo: picocli needs them all to list them or suggest one.
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand("help", new CommandLine.HelpCommand());
        }
        // Descriptions are written as lines of up to ~105 characters; picocli's default of 80 broke
        // each of them in two.
        cli.setUsageHelpWidth(110);
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }

    /**
     * The command list of {@code vaxslots} alone or {@code -h}: each command with the first sentence
     * of its description, wrapped, where picocli shows the first line and cuts the sentence there.
     */
    private static String commandList(Help help) {
        Map<String, Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(nameWidth + 4, 2, Column.Overflow.SPAN),
                new Column(width - nameWidth - 4, 0, Column.Overflow.WRAP));
        commands.forEach((name, command) -> {
            UsageMessageSpec usage = command.commandSpec().usageMessage();
            table.addRowValues(name, firstSentence(usage.header().length > 0 ? usage.header() : usage.description()));
        });
        return table.toString();
    }

    /**
     * Up to the first full stop that ends a sentence ("e.g." and "127.0.0.1" do not), the lines
     * joined; picocli's format escapes {@code %n} and {@code %%} read as a space and a percent sign.
     */
    static String firstSentence(String[] lines) {
        String text = String.join(" ", lines).replace("%n", " ").replace("%%", "%").replaceAll("\\s+", " ").trim();
        int from = 0;
        while (true) {
            int stop = text.indexOf(". ", from);
            if (stop < 0) {
                return text;
            }
            if (!text.startsWith("e.g", stop - 3) && !text.startsWith("i.e", stop - 3)) {
                return text.substring(0, stop + 1);
            }
            from = stop + 1;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"vaxslots " + (v == null ? "(development build)" : v)};
        }
    }
}
