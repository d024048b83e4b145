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
                "Each raw file of a sweep is one slice of work, so one big sweep uses every core;",
                "each slice writes its own part-NNNNN.parquet and a sweep is published whole.",
                "On a terminal a progress line shows raw files done, rate and time left; otherwise",
                "one summary line on stderr at the end. scripts/vaxslots runs normalize with",
                "-XX:+UseSerialGC -Xmx512m -XX:MaxInlineLevel=9 -XX:FreqInlineSize=150",
                "(VAXSLOTS_JAVA_OPTS overrides).",
                "Other Beam pipeline options (--runner=..., --targetParallelism=N) pass through."})
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
        List<String> args = new ArrayList<>(beamArgs);
        args.add("--dataRoot=" + common.root().root());
        args.add("--rebuild=" + rebuild);
        NormalizeOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
                .withValidation().as(NormalizeOptions.class);
        return NormalizeJob.run(options);
    }

    static String summary(NormalizeJob.Summary s) {
        if (s.sweeps().isEmpty()) {
            return "normalize: nothing to do (every sweep is up to date; --rebuild redoes them)";
        }
        return "normalized " + s.sweeps().size() + " sweep(s): " + s.responses() + " responses, "
                + s.centers() + " center rows, " + s.sessions() + " session rows, " + s.rejects() + " rejects";
    }
}
