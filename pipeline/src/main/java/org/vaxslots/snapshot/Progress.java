package org.vaxslots.snapshot;

import java.io.PrintStream;
import java.time.Duration;
import org.vaxslots.model.FetchOutcome;

/**
 * The progress line of a sweep on a terminal (districts done of total, calls, throttled, time
 * waited for the budget, ETA), redrawn at most four times a second; silent when quiet. Warnings
 * are printed either way.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean live;
    private String sweepId;
    private int total;
    private int done;
    private long startNanos;
    private long lastDraw;
    private String state = "";
    private String line = "";

    private Progress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** A live line on stderr when it is a terminal and not quiet. */
    public static Progress forTerminal(boolean quiet) {
        return new Progress(System.err, !quiet && System.console() != null);
    }

    public static Progress silent() {
        return new Progress(System.err, false);
    }

    void start(String sweep, int districts) {
        sweepId = sweep;
        total = districts;
        startNanos = System.nanoTime();
    }

    void waited(Duration d) {
        if (d.toMillis() >= 1000) {
            state = "waited " + d.toSeconds() + "s for budget";
        }
    }

    void coolingDown(Duration d) {
        state = "throttled: cooling down " + d.toSeconds() + "s";
        draw(true);
    }

    void districtDone(FetchOutcome outcome, long calls, long throttled, Duration waited) {
        done++;
        if (!live) {
            return;
        }
        long elapsed = System.nanoTime() - startNanos;
        long eta = done == 0 ? 0 : elapsed / done * (total - done) / 1_000_000_000L;
        line = String.format("sweep %s: districts %d/%d, calls %d, throttled %d, waited %ds for budget, ETA %dm%02ds %s",
                sweepId, done, total, calls, throttled, waited.toSeconds(), eta / 60, eta % 60, state);
        state = "";
        draw(false);
    }

    /** A line of its own on stderr, quiet or not: something the user should know (cron mails it). */
    void warn(String message) {
        out.print((live ? "\r\u001b[K" : "") + "vaxslots: warning: " + message + "\n");
        out.flush();
    }

    void finish() {
        if (live) {
            out.print("\r" + line + "\n");
            out.flush();
        }
    }

    private void draw(boolean force) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - lastDraw > 250_000_000L) {
            out.print("\r" + (force ? state : line) + "\u001b[K");
            out.flush();
            lastDraw = now;
        }
    }
}
