package org.vaxslots.bench;

import java.nio.file.Path;
import java.util.List;
import org.vaxslots.normalize.SweepNormalizer;
import org.vaxslots.normalize.SweepPublisher;
import org.vaxslots.parse.ResponseParser;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.store.DataRoot;

/**
 * The "plain single-threaded Java loop" (not a test): the same per-sweep work as the Beam
 * job's StageSweep and PublishSweep steps, one sweep after the other on one thread, no Beam.
 * Args: DATA_ROOT. Prints {@code plain sweeps=N responses=N sessions=N seconds=S}, where seconds
 * excludes JVM start-up but includes loading the parser's tables.
 */
public final class PlainLoop {
    private PlainLoop() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        DataRoot root = new DataRoot(Path.of(args[0]).toAbsolutePath());
        SweepNormalizer normalizer = new SweepNormalizer(root, ResponseParser.withBundledTables());
        List<String> sweeps = RawFiles.sweeps(root);
        long responses = 0;
        long sessions = 0;
        for (String sweepId : sweeps) {
            SweepNormalizer.Result r = normalizer.normalize(sweepId);
            SweepPublisher.publish(root, r);
            responses += r.responses();
            sessions += r.sessions();
        }
        System.out.printf("plain sweeps=%d responses=%d sessions=%d seconds=%.3f%n", sweeps.size(), responses,
                sessions, (System.nanoTime() - t0) / 1e9);
    }
}
