package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.DataRoot;

/** The archive thread: order, file rotation, the bound on what waits, and failures that fail the sweep. */
class ArchiverTest {
    private static final Instant AT = Instant.parse("2021-05-24T06:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2021, 5, 24);
    private static final int KERALA = 17;
    private static final Map<String, String> INFO = Map.of("software", "ArchiverTest");

    @TempDir
    Path dir;

    private static Exchange exchange(int n) {
        URI uri = URI.create("http://127.0.0.1:1/api/v2/admin/location/districts/" + n);
        byte[] body = ("{\"districts\":[{\"district_id\":" + n + "}]}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        return new Exchange(uri, ("GET " + uri.getRawPath() + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                AT, AT, 200, Map.of("content-length", List.of(Integer.toString(body.length))), raw, body, null);
    }

    private static Map<String, String> fields(int n) {
        return Map.of(RawHeaders.ATTEMPT, Integer.toString(n));
    }

    private SweepFiles files(DataRoot root, int exchangesPerFile) throws IOException {
        return SweepFiles.open(root, "a", exchangesPerFile, Clock.systemUTC(), INFO);
    }

    /** The attempt field of each response record, file by file in name order. */
    private static List<List<String>> attemptsPerFile(DataRoot root) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (Path f : RawFiles.list(root, "a")) {
            out.add(WarcCheck.read(f).stream().filter(r -> "response".equals(r.type()))
                    .map(r -> r.fields().get(RawHeaders.ATTEMPT)).toList());
        }
        return out;
    }

    private static long openFiles(DataRoot root) throws IOException {
        try (Stream<Path> files = Files.list(root.rawSweep("a"))) {
            return files.filter(p -> p.toString().endsWith(".open")).count();
        }
    }

    @Test
    void archive_sevenExchangesThreePerFile_inOrderInThreePublishedFiles() throws Exception {
        DataRoot root = new DataRoot(dir);

        try (Archiver archiver = new Archiver(files(root, 3), ExchangeRecords::write, Archiver.MAX_QUEUED_BYTES)) {
            for (int n = 1; n <= 7; n++) {
                archiver.archive(exchange(n), fields(n));
            }
        }

        List<List<String>> perFile = attemptsPerFile(root);
        perFile.sort((x, y) -> Integer.compare(Integer.parseInt(x.get(0)), Integer.parseInt(y.get(0))));
        assertEquals(List.of(List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7")), perFile);
        assertEquals(0, openFiles(root));
    }

    @Test
    void archive_writeFailsOnTheThirdExchange_failureThrownAndItsFileLeftUnpublished() throws Exception {
        DataRoot root = new DataRoot(dir);
        AtomicInteger written = new AtomicInteger();
        Archiver.Recorder failingThird = (w, x, f) -> {
            if (written.incrementAndGet() == 3) {
                throw new IOException("No space left on device");
            }
            ExchangeRecords.write(w, x, f);
        };

        IOException thrown = assertThrows(IOException.class, () -> {
            try (Archiver archiver = new Archiver(files(root, 2), failingThird, Archiver.MAX_QUEUED_BYTES)) {
                for (int n = 1; n <= 5; n++) {
                    archiver.archive(exchange(n), fields(n));
                }
            }
        });

        assertTrue(thrown.getMessage().contains("No space left on device"), thrown.getMessage());
        assertEquals(List.of(List.of("1", "2")), attemptsPerFile(root));
        assertEquals(1, openFiles(root), "the file holding the failed write is not published");
        assertEquals(3, written.get(), "nothing is written after the failure");
    }

    @Test
    void archive_queueFull_waitsUntilTheArchiveThreadHasWrittenOne() throws Exception {
        DataRoot root = new DataRoot(dir);
        CountDownLatch release = new CountDownLatch(1);
        Archiver.Recorder heldFirst = (w, x, f) -> {
            if ("1".equals(f.get(RawHeaders.ATTEMPT))) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted while held", e);
                }
            }
            ExchangeRecords.write(w, x, f);
        };
        long twoExchanges = 2 * (exchange(1).requestBytes().length + exchange(1).rawResponse().length
                + exchange(1).body().length);

        try (Archiver archiver = new Archiver(files(root, 10), heldFirst, twoExchanges)) {
            archiver.archive(exchange(1), fields(1));
            archiver.archive(exchange(2), fields(2));
            AtomicReference<Thread> producer = new AtomicReference<>();
            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
                producer.set(Thread.currentThread());
                try {
                    archiver.archive(exchange(3), fields(3));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (producer.get() == null || producer.get().getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertTrue(!third.isDone(), "a third exchange waits while two are queued");

            release.countDown();
            third.get();
        }

        assertEquals(List.of(List.of("1", "2", "3")), attemptsPerFile(root));
    }

    @Test
    void snapshot_archiveFailsWithExchangesQueued_sweepFailsAndResumeArchivesEachRequestOnce() throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7).withStart(AT)
                .withSpeed(0).withRateLimit(null))) {
            SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), "a", DAY)
                    .withBudget(RateLimit.parse("1000/1s")).withScope(List.of(KERALA), List.of())
                    .withRetry(RetryPolicy.defaults(), 3);
            DataRoot whole = new DataRoot(dir.resolve("whole"));
            new SnapshotJob(whole, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, Progress.silent()).run();
            Map<String, String> expected = okDigests(whole);
            DataRoot root = new DataRoot(dir.resolve("failed"));
            long before = sim.stats().requests();
            AtomicInteger written = new AtomicInteger();
            Archiver.Recorder failsWithFourQueued = (w, x, f) -> {
                if (written.incrementAndGet() == 5) {
                    while (sim.stats().requests() - before < 9) {
                        Thread.onSpinWait();
                    }
                    throw new IOException("No space left on device");
                }
                ExchangeRecords.write(w, x, f);
            };

            IOException thrown = assertThrows(IOException.class, () -> new SnapshotJob(root, request, Clock.systemUTC(),
                    Budget.Ticker.SYSTEM, Progress.silent(), failsWithFourQueued).run());
            long fetchedBeforeFailure = sim.stats().requests() - before;
            SnapshotJob.Result resumed = new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM,
                    Progress.silent()).run();

            assertTrue(thrown.getMessage().contains("No space left on device"), thrown.getMessage());
            assertTrue(fetchedBeforeFailure >= 9, "failed after " + fetchedBeforeFailure);
            assertEquals(3, resumed.skippedAsArchived(), "one published file of three exchanges");
            assertEquals(13, resumed.calls(), "the failed file's and the queued exchanges are fetched again");
            assertEquals(14, resumed.captured());
            assertEquals(expected, okDigests(root));
        }
    }

    /** target URI → payload digest of its 200 response; fails on a URI archived twice. */
    private static Map<String, String> okDigests(DataRoot root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path f : RawFiles.list(root, "a")) {
            for (WarcCheck.Record rec : WarcCheck.read(f)) {
                if ("response".equals(rec.type()) && WarcCheck.status(rec) == 200) {
                    String uri = rec.fields().get("WARC-Target-URI");
                    assertEquals(null, out.put(uri, rec.fields().get("WARC-Payload-Digest")), uri + " archived twice");
                }
            }
        }
        return out;
    }
}
