package org.vaxslots.normalize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.reflect.DoFnInvokers;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.vaxslots.parse.ResponseParser;
import org.vaxslots.schema.ParquetTableWriter;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.ProgressLine;

/**
 * Sweep ids in, published sweeps out. The unit of parallel work is a run of consecutive slices of
 * a sweep (a slice is one raw WARC file, see {@link SweepNormalizer}) of about {@link #UNIT_BYTES}
 * of raw files, so one big sweep keeps every core and every worker busy. Each slice is still staged
 * into its own files: the tables do not depend on how slices are grouped.
 * Rows never pass through the runner: each slice streams its rows into its own staged Parquet
 * files, and only a slice's counts and schema-event tally travel. A sweep is published by one call
 * once all its slices are staged, so if a bundle fails, no partition of the sweep was published.
 *
 * <p>Steps: SliceSweeps (each sweep's raw files, in runs, each run under a key of its own),
 * SpreadSlices (a GroupByKey: one group per run, so runners spread the runs over workers by key),
 * StageSlice (a slice result per raw file), GroupBySweep, PublishSweep.
 *
 * <p>Why a GroupByKey and not Reshuffle: the keys are distinct already, and on the DirectRunner
 * Reshuffle's four DoFns (each with its generated invoker) and window reification cost start-up
 * and bookkeeping; a 1.18M-session sweep took 7.4 s with it and 7.1 s without (two runs each).
 *
 * <p>Why runs and not one element per raw file: on the DirectRunner each element cost ~18 ms of CPU
 * besides its work (bundles, watermarks and timers, encoding): a sweep of 720 raw files of ~0.8 MB
 * took 39.6 s, the same records in 180 files 34.2 s, while staging them one after the other took the
 * same CPU either way.
 */
public final class NormalizeSweeps extends PTransform<PCollection<String>, PCollection<SweepNormalizer.Result>> {
    /** Counts slices staged in this JVM; null unless a job in this JVM shows progress. */
    static volatile ProgressLine progress;

    /** About this many bytes of raw files per unit of work by default: ~0.4 s of it on this machine. */
    static final long UNIT_BYTES = 4L * 1024 * 1024;

    private final DataRoot root;
    private final long unitBytes;

    public NormalizeSweeps(DataRoot root) {
        this(root, UNIT_BYTES);
    }

    /** With units of about {@code unitBytes} of raw files (1: a raw file each). */
    public NormalizeSweeps(DataRoot root, long unitBytes) {
        this.root = root;
        this.unitBytes = unitBytes;
    }

    @Override
    public PCollection<SweepNormalizer.Result> expand(PCollection<String> sweepIds) {
        return sweepIds
                .apply("SliceSweeps", ParDo.of(new SliceSweepFn(root, unitBytes)))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(SerializableCoder.of(SweepNormalizer.Slice.class))))
                .apply("SpreadSlices", GroupByKey.create())
                .apply("StageSlice", ParDo.of(new StageSliceFn(root)))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(SweepNormalizer.SliceResult.class)))
                .apply("GroupBySweep", GroupByKey.create())
                .apply("PublishSweep", ParDo.of(new PublishSweepFn(root)))
                .setCoder(SerializableCoder.of(SweepNormalizer.Result.class));
    }

    /**
     * Starts, on a thread of its own, what the first slice would otherwise wait for: ByteBuddy
     * generating the invokers of these DoFns (the first one ~0.5 s cold), the bundled reference
     * tables and the Parquet layout of each table. Called before Beam parses its options and
     * builds the pipeline, which keep one core busy and the other mostly idle for the first
     * second of a run. Each of these is cached where it is kept (Beam's invoker cache, the
     * layouts) and built the same way by whichever thread gets to it first, so the tables do not
     * depend on it; a failure here is met again, and reported, where the job needs the thing.
     */
    public static void warmUp(DataRoot root) {
        Thread warm = new Thread(() -> {
            try {
                DoFnInvokers.invokerFor(new SliceSweepFn(root, UNIT_BYTES));
                DoFnInvokers.invokerFor(new StageSliceFn(root));
                DoFnInvokers.invokerFor(new PublishSweepFn(root));
                ResponseParser.withBundledTables();
                for (Table table : Table.normalized()) {
                    ParquetTableWriter.prepare(table);
                }
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the job builds each of these itself when it needs it.
            }
        }, "normalize-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Each unit of a sweep under a key of its own, "sweep/unit": the units spread over the workers by key. */
    static final class SliceSweepFn extends DoFn<String, KV<String, List<SweepNormalizer.Slice>>> {
        private final DataRoot root;
        private final long unitBytes;

        SliceSweepFn(DataRoot root, long unitBytes) {
            this.root = root;
            this.unitBytes = unitBytes;
        }

        @ProcessElement
        public void process(@Element String sweepId, OutputReceiver<KV<String, List<SweepNormalizer.Slice>>> out)
                throws IOException {
            List<List<SweepNormalizer.Slice>> units = SweepNormalizer.units(root, SweepNormalizer.slices(root, sweepId), unitBytes);
            for (int i = 0; i < units.size(); i++) {
                out.output(KV.of(sweepId + "/" + i, units.get(i)));
            }
        }
    }

    static final class StageSliceFn extends DoFn<KV<String, Iterable<List<SweepNormalizer.Slice>>>, KV<String, SweepNormalizer.SliceResult>> {
        private final Counter responses = Metrics.counter(NormalizeSweeps.class, "responses_read");
        private final Counter centers = Metrics.counter(NormalizeSweeps.class, "centers_written");
        private final Counter sessions = Metrics.counter(NormalizeSweeps.class, "sessions_written");
        private final Counter rejects = Metrics.counter(NormalizeSweeps.class, "rejects_written");
        private final DataRoot root;
        private transient SweepNormalizer normalizer;

        StageSliceFn(DataRoot root) {
            this.root = root;
        }

        @Setup
        public void setup() {
            normalizer = new SweepNormalizer(root, ResponseParser.withBundledTables());
        }

        @ProcessElement
        public void process(@Element KV<String, Iterable<List<SweepNormalizer.Slice>>> keyed,
                OutputReceiver<KV<String, SweepNormalizer.SliceResult>> out) throws IOException {
            for (List<SweepNormalizer.Slice> unit : keyed.getValue()) {
                stage(unit, out);
            }
        }

        private void stage(List<SweepNormalizer.Slice> unit, OutputReceiver<KV<String, SweepNormalizer.SliceResult>> out)
                throws IOException {
            for (SweepNormalizer.Slice slice : unit) {
                SweepNormalizer.SliceResult result = normalizer.stage(slice);
                responses.inc(result.responses());
                centers.inc(result.centers());
                sessions.inc(result.sessions());
                rejects.inc(result.rejects());
                ProgressLine shown = progress;
                if (shown != null && slice.rawFile() != null) {
                    shown.advance(1);
                }
                out.output(KV.of(slice.sweepId(), result));
            }
        }
    }

    static final class PublishSweepFn extends DoFn<KV<String, Iterable<SweepNormalizer.SliceResult>>, SweepNormalizer.Result> {
        private final Counter published = Metrics.counter(NormalizeSweeps.class, "sweeps_published");
        private final DataRoot root;

        PublishSweepFn(DataRoot root) {
            this.root = root;
        }

        @ProcessElement
        public void process(@Element KV<String, Iterable<SweepNormalizer.SliceResult>> sweep,
                OutputReceiver<SweepNormalizer.Result> out) throws IOException {
            List<SweepNormalizer.SliceResult> slices = new ArrayList<>();
            sweep.getValue().forEach(slices::add);
            SweepNormalizer.Result result = SweepNormalizer.finish(slices);
            SweepPublisher.publish(root, result);
            published.inc();
            out.output(result);
        }
    }
}
