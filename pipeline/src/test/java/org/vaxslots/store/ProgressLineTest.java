package org.vaxslots.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(1_000 * MS);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void progress_notATerminal_printsOnlyTheSummaryLine() {
        ProgressLine progress = new ProgressLine("normalize", 40, "responses", out, false, clock::get);
        progress.advance(10);
        clock.addAndGet(2_000 * MS);
        progress.advance(30);
        progress.finish();

        assertEquals("normalize: 40 responses in 2.0 s (20 responses/s)\n", printed());
    }

    @Test
    void progress_onATerminal_redrawsAtMostFourTimesASecond() {
        ProgressLine progress = new ProgressLine("normalize", 100, "responses", out, true, clock::get);
        clock.addAndGet(100 * MS);
        progress.advance(10);
        clock.addAndGet(150 * MS);
        progress.advance(15);
        clock.addAndGet(100 * MS);
        progress.advance(10);

        assertEquals("\rnormalize: 25/100 responses, 100/s, 0m01s left\u001b[K", printed());
    }

    @Test
    void progress_onATerminal_finishClearsTheLineAndSummarises() {
        ProgressLine progress = new ProgressLine("compact", -1, "sweeps", out, true, clock::get);
        clock.addAndGet(500 * MS);
        progress.advance(3);
        clock.addAndGet(500 * MS);
        progress.finish();
        progress.finish();

        assertEquals("\rcompact: 3 sweeps, 6.0/s\u001b[K\r\u001b[Kcompact: 3 sweeps in 1.0 s (3.0 sweeps/s)\n", printed());
    }

    @Test
    void summaryText_oneUnit_readsInTheSingular() {
        ProgressLine progress = new ProgressLine("normalize", 1, "raw files", out, false, clock::get);
        progress.advance(1);

        assertEquals("normalize: 1 raw file in 2.0 s (0.5 raw files/s)", progress.summaryText(2_000 * MS));
    }

    @Test
    void liveText_longWorkLeft_showsHours() {
        ProgressLine progress = new ProgressLine("import", 100_000, "files", out, true, clock::get);
        progress.advance(10);

        assertEquals("import: 10/100000 files, 10/s, 2h46m39s left", progress.liveText(clock.get() + 1_000 * MS));
    }

    @Test
    void advance_fromManyThreads_countsEveryUnit() throws InterruptedException {
        ProgressLine progress = new ProgressLine("report", -1, "rows", out, false, clock::get);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    progress.advance(1);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(40_000, progress.done());
        assertEquals("", printed());
    }
}
