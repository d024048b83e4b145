package org.vaxslots.normalize;

import java.io.IOException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.vaxslots.parse.ResponseParser;
import org.vaxslots.store.DataRoot;

/**
 * Sweep ids in, published sweeps out. Whole sweeps are the elements: rows never pass through the
 * runner, which is what keeps the DirectRunner fast and its heap small (see DESIGN.md, Scale).
 * A sweep is staged by one DoFn call and published by the next step, so if a bundle fails, no
 * partition of it was published.
 */
public final class NormalizeSweeps extends PTransform<PCollection<String>, PCollection<SweepNormalizer.Result>> {
    private final String dataRoot;

    public NormalizeSweeps(String dataRoot) {
        this.dataRoot = dataRoot;
    }

    @Override
    public PCollection<SweepNormalizer.Result> expand(PCollection<String> sweepIds) {
        return sweepIds
                .apply("SpreadSweeps", Reshuffle.viaRandomKey())
                .apply("StageSweep", ParDo.of(new StageSweepFn(dataRoot)))
                .setCoder(SerializableCoder.of(SweepNormalizer.Result.class))
                .apply("PublishSweep", ParDo.of(new PublishSweepFn(dataRoot)))
                .setCoder(SerializableCoder.of(SweepNormalizer.Result.class));
    }

    static final class StageSweepFn extends DoFn<String, SweepNormalizer.Result> {
        private final Counter responses = Metrics.counter(NormalizeSweeps.class, "responses_read");
        private final Counter centers = Metrics.counter(NormalizeSweeps.class, "centers_written");
        private final Counter sessions = Metrics.counter(NormalizeSweeps.class, "sessions_written");
        private final Counter rejects = Metrics.counter(NormalizeSweeps.class, "rejects_written");
        private final String dataRoot;
        private transient SweepNormalizer normalizer;

        StageSweepFn(String dataRoot) {
            this.dataRoot = dataRoot;
        }

        @Setup
        public void setup() {
            normalizer = new SweepNormalizer(new DataRoot(java.nio.file.Path.of(dataRoot)),
                    ResponseParser.withBundledTables());
        }

        @ProcessElement
        public void process(@Element String sweepId, OutputReceiver<SweepNormalizer.Result> out) throws IOException {
            SweepNormalizer.Result result = normalizer.normalize(sweepId);
            responses.inc(result.responses());
            centers.inc(result.centers());
            sessions.inc(result.sessions());
            rejects.inc(result.rejects());
            out.output(result);
        }
    }

    static final class PublishSweepFn extends DoFn<SweepNormalizer.Result, SweepNormalizer.Result> {
        private final Counter published = Metrics.counter(NormalizeSweeps.class, "sweeps_published");
        private final String dataRoot;

        PublishSweepFn(String dataRoot) {
            this.dataRoot = dataRoot;
        }

        @ProcessElement
        public void process(@Element SweepNormalizer.Result result, OutputReceiver<SweepNormalizer.Result> out)
                throws IOException {
            SweepPublisher.publish(new DataRoot(java.nio.file.Path.of(dataRoot)), result);
            published.inc();
            out.output(result);
        }
    }
}
