package org.vaxslots.normalize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.DataRootLock;
import org.vaxslots.store.ProgressLine;

/**
 * Raw WARC archive to Parquet tables.
 *
 * <p>Steps:
 * <ol>
 *   <li>ListSweeps: the sweeps whose raw files are new or changed since they were last
 *       normalized (all of them with --rebuild); done before the pipeline is built.</li>
 *   <li>NormalizeSweeps, a composite of:
 *     <ol>
 *       <li>SliceSweeps: each raw WARC file of a sweep is one slice; consecutive slices of about
 *           --unitBytes of raw files are one unit of work, keyed "sweep/unit".</li>
 *       <li>SpreadSlices: a GroupByKey on those keys, so the units spread over the workers.</li>
 *       <li>StageSlice: parse every response of the slice and write its fetches, centers,
 *           sessions, rejects and listed_districts to its own files in the sweep's private
 *           staging directory.</li>
 *       <li>GroupBySweep: the staged slices of each sweep, together.</li>
 *       <li>PublishSweep: write the sweep's schema_events, move each staged partition into
 *           tables/ in one rename, then mark the sweep as normalized.</li>
 *     </ol></li>
 * </ol>
 */
public final class NormalizeJob {

    /** What a run did, from the job's metrics. */
    public record Summary(List<String> sweeps, long responses, long centers, long sessions, long rejects) {}

    private NormalizeJob() {}

    public static void main(String[] args) throws IOException {
        run(PipelineOptionsFactory.fromArgs(args).withValidation().as(NormalizeOptions.class));
    }

    public static Summary run(NormalizeOptions options) throws IOException {
        if (options.getUnitBytes() < 1) {
            throw new IllegalArgumentException("--unitBytes must be at least 1 (bytes of raw files per unit of work), not "
                    + options.getUnitBytes());
        }
        DataRoot root = DataRoot.resolve(options.getDataRoot() == null ? null : Path.of(options.getDataRoot()));
        try (DataRootLock lock = DataRootLock.acquire(root, "normalize")) {
            clearLeftovers(root);
            List<String> sweeps = SweepCatalog.pending(root, options.getRebuild());
            if (sweeps.isEmpty()) {
                return new Summary(sweeps, 0, 0, 0, 0);
            }
            long rawFiles = 0;
            for (String sweep : sweeps) {
                rawFiles += RawFiles.list(root, sweep).size();
            }
            Pipeline pipeline = Pipeline.create(options);
            buildPipeline(pipeline, root, sweeps, options.getUnitBytes());
            // Slices staged in this JVM advance it: all of them on the DirectRunner and the
            // embedded runners; on a cluster the line shows only the summary.
            ProgressLine progress = ProgressLine.start("normalize", rawFiles, "raw files");
            NormalizeSweeps.progress = progress;
            try {
                PipelineResult result = pipeline.run();
                result.waitUntilFinish();
                return new Summary(sweeps, counter(result, "responses_read"), counter(result, "centers_written"),
                        counter(result, "sessions_written"), counter(result, "rejects_written"));
            } finally {
                NormalizeSweeps.progress = null;
                progress.finish();
            }
        }
    }

    /**
     * What a killed normalize left behind: staged sweeps, partitions moved aside, a marker's
     * temporary file. No reader ever looks at them, and no other normalize can be running (we hold
     * the lock), so they go.
     */
    static void clearLeftovers(DataRoot root) throws IOException {
        AtomicFiles.deleteTree(root.normalizeStaging());
        for (Path dir : List.of(root.tmp(), root.normalizedMarkers())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString();
                    if (DataRoot.isReplacedAside(p) || (name.startsWith(".") && name.endsWith(".json.tmp"))) {
                        AtomicFiles.deleteTree(p);
                    }
                }
            }
        }
    }

    public static void buildPipeline(Pipeline pipeline, DataRoot root, List<String> sweeps, long unitBytes) {
        pipeline.apply("ListSweeps", Create.of(sweeps).withCoder(StringUtf8Coder.of()))
                .apply("NormalizeSweeps", new NormalizeSweeps(root, unitBytes));
    }

    private static long counter(PipelineResult result, String name) {
        long total = 0;
        for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.named(NormalizeSweeps.class, name)).build()).getCounters()) {
            total += c.getAttempted();
        }
        return total;
    }
}
