package org.vaxslots.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The crash harness's shared parts: a child JVM running {@code org.vaxslots.cli.Main} with the test
 * classpath (so it can be killed with SIGKILL, which {@link Process#destroyForcibly()} sends on
 * Linux), and how many kill points to try: {@code -Dvaxslots.crash.points=N} (default 3, so the
 * normal run stays fast; {@code scripts/crash-test} asks for 20 or more) from a seed that is
 * printed on failure and can be replayed with {@code -Dvaxslots.crash.seed=S}.
 */
public final class CrashPoints {
    public static final int POINTS = Integer.getInteger("vaxslots.crash.points", 3);
    public static final long SEED = Long.getLong("vaxslots.crash.seed", System.nanoTime());

    private CrashPoints() {}

    public static SplittableRandom random(String what) {
        return new SplittableRandom(SEED ^ what.hashCode());
    }

    /** Starts {@code vaxslots ARGS} in a child JVM, its output to {@code log}. */
    public static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.vaxslots.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Polls {@code condition} every millisecond (waiting on the child, so its exit ends the wait at
     * once) until it holds, the child exits, or 120 s pass; true if it holds with the child alive.
     */
    public static boolean awaitWhileAlive(Process child, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (child.waitFor(1, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                return false;
            }
        }
        return child.isAlive();
    }

    /** Lets the child run for {@code nanos}; true if it is still running then (the kill point is real). */
    public static boolean runFor(Process child, long nanos) throws InterruptedException {
        return !child.waitFor(nanos, TimeUnit.NANOSECONDS);
    }

    /** The child's thread dump (jcmd), to explain a child that stalled; "" if it has exited. */
    public static String threadDump(Process child) {
        if (!child.isAlive()) {
            return "";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(child.pid()), "Thread.print").redirectErrorStream(true).start();
            return new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** SIGKILL, then waits for the process to be gone. */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly().waitFor();
    }

    public static String log(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public static String describe() {
        return "crash points " + POINTS + ", seed " + SEED + " (replay with -Dvaxslots.crash.seed=" + SEED + ")";
    }
}
