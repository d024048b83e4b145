package org.vaxslots.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {"Normalize the raw archive into Parquet tables with Apache Beam (DirectRunner by",
                "default). Only sweeps that are new or changed are processed, unless --rebuild.",
                "Each raw file of a sweep is a slice with its own part-NNNNN.parquet; runs of",
                "about 4 MiB of them are the units of parallel work (--unitBytes), so one big",
                "sweep uses every core. A sweep is published whole.",
                "On a terminal a progress line shows raw files done, rate and time left; otherwise",
                "one summary line on stderr at the end. scripts/vaxslots runs normalize with",
                "-XX:+UseSerialGC -Xmx512m -XX:MaxInlineLevel=5 -XX:FreqInlineSize=80",
                "-XX:InlineSmallCode=1000 (VAXSLOTS_JAVA_OPTS overrides) and a class-data",
                "archive of its classes, made once per build (VAXSLOTS_CDS=0 turns it off).",
                "The DirectRunner gets one worker per core (--targetParallelism; Beam's own",
                "default is at least 3). Other Beam pipeline options (--runner=...) pass through."})
final class NormalizeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--rebuild", description = "Normalize every sweep again.")
    boolean rebuild;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        System.out.println(summary(run(common, rebuild, beamArgs)));
        return 0;
    }

    static NormalizeJob.Summary run(CommonOptions common, boolean rebuild, List<String> beamArgs) throws Exception {
        return NormalizeJob.run(options(common.root().root().toString(), rebuild, beamArgs));
    }

    /** The job's options: the data root, --rebuild, and the Beam options given, with one DirectRunner worker per core unless set. */
    static NormalizeOptions options(String dataRoot, boolean rebuild, List<String> beamArgs) {
        List<String> args = new ArrayList<>(beamArgs);
        if (beamArgs.stream().noneMatch(a -> a.startsWith("--targetParallelism"))) {
            // One DirectRunner worker per core: Beam's default of at least 3 on 2 cores was 3-4%
            // slower and took ~20% more memory (one-1m and one-10m, PERFORMANCE.md session 6).
            // Other runners ignore the option.
            args.add("--targetParallelism=" + Runtime.getRuntime().availableProcessors());
        }
        args.add("--dataRoot=" + dataRoot);
        args.add("--rebuild=" + rebuild);
        return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(NormalizeOptions.class);
    }

    static String summary(NormalizeJob.Summary s) {
        if (s.sweeps().isEmpty()) {
            return "normalize: nothing to do (every sweep is up to date; --rebuild redoes them)";
        }
        return "normalized " + s.sweeps().size() + " sweep(s): " + s.responses() + " responses, "
                + s.centers() + " center rows, " + s.sessions() + " session rows, " + s.rejects() + " rejects";
    }
}
