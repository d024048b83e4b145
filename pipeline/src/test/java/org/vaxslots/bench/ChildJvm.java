package org.vaxslots.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command (a child JVM) and measures it from outside: wall time, peak resident set
 * (GNU time's %M when /usr/bin/time exists, with its CPU share %P, else the child's VmHWM polled from /proc every 20 ms)
 * and the 1-minute load average just before it started. Output goes to a log file, read back.
 */
final class ChildJvm {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /**
     * One measured run. {@code exit} is -1 when it was killed at the timeout; {@code cpuPercent}
     * is (user + system) / wall from GNU time (200 = both cores busy), -1 without it.
     */
    record Run(String label, double wallSeconds, long peakRssKb, int cpuPercent, double load1, int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private ChildJvm() {}

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Run run(String label, List<String> command, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Path timeFile = log.resolveSibling(log.getFileName() + ".time");
        Files.deleteIfExists(timeFile);
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        List<String> cmd = new ArrayList<>();
        if (gnuTime) {
            cmd.addAll(List.of(GNU_TIME.toString(), "-f", "%e %M %P", "-o", timeFile.toString()));
        }
        cmd.addAll(command);
        double load = load1();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long polledHwm = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            if (!gnuTime) {
                polledHwm = Math.max(polledHwm, vmHwmKb(p.pid()));
            }
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                break;
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int exit = p.isAlive() ? -1 : p.exitValue();
        if (wall > timeoutSeconds) {
            exit = -1;
        }
        long rss = polledHwm;
        int cpu = -1;
        if (gnuTime && Files.exists(timeFile)) {
            for (String line : Files.readAllLines(timeFile, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split(" ");
                if (f.length == 3 && f[1].matches("\\d+") && f[2].matches("\\d+%")) {
                    rss = Long.parseLong(f[1]);
                    cpu = Integer.parseInt(f[2].substring(0, f[2].length() - 1));
                }
            }
        }
        return new Run(label, wall, rss, cpu, load, exit, Files.readString(log, StandardCharsets.UTF_8));
    }

    static double load1() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The child exited between two polls; the last value read is its peak.
        }
        return 0;
    }
}
