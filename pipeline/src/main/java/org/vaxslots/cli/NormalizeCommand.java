package org.vaxslots.cli;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import org.vaxslots.normalize.NormalizeSweeps;
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
        NormalizeSweeps.warmUp(common.root());
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
        try {
            return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(NormalizeOptions.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(optionError(e, beamArgs), e);
        }
    }

    private static final Pattern UNKNOWN_OPTION = Pattern.compile(
            "Class interface \\S+ missing a property named '([^']*)'\\.(.*)", Pattern.DOTALL);

    /**
     * Beam's message for a bad option, in the user's terms: its Jackson wording ("Cannot
     * deserialize value of type `long` ... at [Source: UNKNOWN ...]") and interface names say
     * neither which argument was wrong nor what it should be.
     */
    static String optionError(IllegalArgumentException e, List<String> beamArgs) {
        if (e.getCause() instanceof InvalidFormatException bad) {
            String value = String.valueOf(bad.getValue());
            String arg = beamArgs.stream().filter(a -> a.startsWith("--") && a.endsWith("=" + value)).findFirst()
                    .orElse("\"" + value + "\"");
            Class<?> type = bad.getTargetType();
            String wanted = type == long.class || type == Long.class || type == int.class || type == Integer.class
                    ? "a whole number" : type == double.class || type == Double.class ? "a number"
                    : type == boolean.class || type == Boolean.class ? "true or false"
                    : "a " + (type == null ? "value of another kind" : type.getSimpleName());
            return arg + " is not " + wanted;
        }
        Matcher unknown = UNKNOWN_OPTION.matcher(String.valueOf(e.getMessage()));
        if (unknown.matches()) {
            // Beam's "Did you mean 'unitBytes'?", as options are typed.
            String hint = unknown.group(2).trim().replaceAll("'([^']+)'", "--$1");
            String asked = hint.isEmpty() ? "" : " (" + hint.substring(0, 1).toLowerCase(Locale.ROOT) + hint.substring(1) + ")";
            return "normalize has no option --" + unknown.group(1) + asked + "; normalize -h lists its options";
        }
        return String.valueOf(e.getMessage());
    }

    static String summary(NormalizeJob.Summary s) {
        if (s.sweeps().isEmpty()) {
            return "normalize: nothing to do (every sweep is up to date; --rebuild redoes them)";
        }
        return "normalized " + s.sweeps().size() + " sweep(s): " + s.responses() + " responses, "
                + s.centers() + " center rows, " + s.sessions() + " session rows, " + s.rejects() + " rejects";
    }
}
