package org.vaxslots.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.vaxslots.cli.Main;

/** Runs the command line in this JVM, as a user would type it, and keeps what it printed. */
public final class Cli {
    /** The exit code, standard output and standard error of one run. */
    public record Run(int exit, String out, String err) {}

    /**
     * Jazzer, loaded by the fuzz tests of the same JVM, prints a line to standard error for every
     * class it instruments when first loaded; which classes those are depends on the order tests
     * ran in, so they are not the command's output.
     */
    private static final Pattern FUZZER_NOTE = Pattern.compile("(?m)^INFO: Instrumented .*\\R");

    private Cli() {}

    static String withoutFuzzerNotes(String err) {
        return FUZZER_NOTE.matcher(err).replaceAll("");
    }

    public static Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), withoutFuzzerNotes(err.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
