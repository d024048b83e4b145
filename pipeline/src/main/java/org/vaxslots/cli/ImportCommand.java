package org.vaxslots.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vaxslots.model.Endpoint;
import org.vaxslots.raw.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Archive recorded Co-WIN responses (files or directories) into raw/ as WARC,",
                "exactly as read, so they enter the pipeline like live sweeps. Files already",
                "archived in the sweep (same sha256) are skipped."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--sweep-id", paramLabel = "ID", description = "Sweep to add to (default: import-<UTC time>).")
    String sweepId;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "When the data was true, e.g. 2021-05-04T10:00:00Z (default: the import time, with a warning).")
    String asOf;

    @Option(names = "--endpoint", paramLabel = "NAME",
            description = "Endpoint of every file, e.g. calendarByDistrict (default: inferred from name and shape).")
    String endpoint;

    @Option(names = "--param", paramLabel = "K=V", description = "Request parameter, e.g. district_id=192 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--git", paramLabel = "REPO", description = {"A git-scraping repository instead of FILE|DIR: each commit",
            "(first parent of HEAD) that adds or changes matching files is one sweep",
            "git-<committer time>-<commit>, as of its committer time."})
    Path git;

    @Option(names = "--git-tree", description = {"With --git: each commit's sweep holds every matching file of its",
            "tree, an unchanged one as a WARC revisit of its earlier capture."})
    boolean gitTree;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Recorded responses.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (git != null || gitTree) {
            return ImportGit.run(this);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to import: give FILE|DIR…, or --git REPO");
        }
        ImportJob.Request request = new ImportJob.Request(sweepId, parseInstant(asOf), parseEndpoint(endpoint),
                parseParams(params), inputs);
        ImportJob.Result r = ImportJob.run(common.root(), request, Instant.now(),
                line -> System.err.println("vaxslots: warning: " + line));
        System.out.println("imported " + r.imported() + " file(s) into sweep " + r.sweepId()
                + (r.skipped() > 0 ? " (" + r.skipped() + " already archived)" : "")
                + (r.warcFile() != null ? ": " + common.root().relative(r.warcFile()) : ""));
        return 0;
    }

    static Instant parseInstant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of '" + s + "' is not an instant with an offset,"
                    + " e.g. 2021-05-04T10:00:00Z or 2021-05-04T15:30:00+05:30");
        }
    }

    static Endpoint parseEndpoint(String s) {
        if (s == null) {
            return null;
        }
        return Endpoint.byApiName(s).orElseThrow(() -> new IllegalArgumentException("--endpoint '" + s
                + "' is not a known endpoint; use one of " + java.util.Arrays.stream(Endpoint.values())
                .map(Endpoint::apiName).toList()));
    }

    static Map<String, String> parseParams(List<String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param '" + p + "' is not KEY=VALUE");
            }
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return out;
    }
}
