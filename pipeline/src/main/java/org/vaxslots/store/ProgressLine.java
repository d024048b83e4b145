package org.vaxslots.store;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of one long piece of work (normalize, compact, import, report): on a terminal one
 * line on stderr redrawn with {@code \r} — done/total unit, rate per second, time left — at most
 * four times a second; otherwise nothing until the one summary line that {@link #finish()} prints.
 * {@link #advance(long)} may be called from several threads at once.
 */
public final class ProgressLine {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final String what;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean live;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long done;
    private long lastDrawNanos;
    private boolean finished;

    ProgressLine(String what, long total, String unit, PrintStream out, boolean live, LongSupplier nanoClock) {
        this.what = what;
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.live = live;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startNanos;
    }

    /**
     * Starts the progress of {@code what} over {@code total} {@code unit}s (−1 when the total is
     * unknown): live on stderr when it is a terminal.
     */
    public static ProgressLine start(String what, long total, String unit) {
        return new ProgressLine(what, total, unit, System.err, System.console() != null, System::nanoTime);
    }

    /** Counts {@code n} more units done; redraws the live line if the last draw is 250 ms old. */
    public synchronized void advance(long n) {
        done += n;
        if (!live || finished) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - lastDrawNanos >= REDRAW_NANOS) {
            lastDrawNanos = now;
            out.print("\r" + liveText(now) + "\u001b[K");
            out.flush();
        }
    }

    /** Prints the summary line (ending the live line on a terminal); later calls do nothing. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long elapsed = nanoClock.getAsLong() - startNanos;
        out.print((live ? "\r\u001b[K" : "") + summaryText(elapsed) + "\n");
        out.flush();
    }

    /** Units counted so far. */
    public synchronized long done() {
        return done;
    }

    String liveText(long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(what).append(": ").append(done);
        if (total >= 0) {
            line.append('/').append(total);
        }
        line.append(' ').append(total >= 0 ? counted(total) : counted(done)).append(", ").append(rate(rate)).append("/s");
        if (total >= 0 && rate > 0) {
            long left = (long) Math.ceil(Math.max(0, total - done) / rate);
            line.append(", ").append(clock(left)).append(" left");
        }
        return line.toString();
    }

    String summaryText(long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        return what + ": " + done + " " + counted(done) + " in " + format("%.1f", seconds) + " s ("
                + rate(rate) + " " + unit + "/s)";
    }

    /** The unit as a count of {@code n} reads: "1 sweep", "2 sweeps" (units are given in the plural). */
    private String counted(long n) {
        return n == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    /** Whole units per second, with a decimal below 10 (a few raw files a second is not "0/s"). */
    private static String rate(double perSecond) {
        return format(perSecond < 10 ? "%.1f" : "%.0f", perSecond);
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? format("%dh%02dm%02ds", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : format("%dm%02ds", seconds / 60, seconds % 60);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
