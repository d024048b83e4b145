package org.vaxslots.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vaxslots.ingest.ImportInput;
import org.vaxslots.ingest.NamePattern;
import org.vaxslots.model.Endpoint;
import org.vaxslots.ingest.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Archive recorded Co-WIN responses into raw/ as WARC, exactly as read, so they enter the",
                "pipeline like live sweeps. Inputs are read in place, streaming, never unpacked: a folder of",
                "files (archives inside it too), .zip, .tar, .tar.gz/.tgz, .json.gz, and other crawlers'",
                ".warc/.warc.gz (their Co-WIN responses are copied with their own request, headers and dates;",
                "every other record is counted and left out).",
                "A capture's identity is its request (endpoint and parameters, else the file's path): a request",
                "the sweep already holds with the same bytes is skipped, so a re-run archives nothing twice and",
                "a killed run resumes. Every file, member and WARC record is screened first: one with personal",
                "data or from a non-public endpoint stops the run (exit 1, nothing archived) unless",
                "--skip-personal. Raw files roll over at --raw-file-size and are published together at the end.",
                "Example: import --sweep-id apr29 --as-of 2021-04-29T18:24:00Z --endpoint calendarByDistrict",
                "         --name-pattern 'Centers_{district_id}_{date}.json' DIR"})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--sweep-id", paramLabel = "ID", description = "Sweep to add to (default: import-<UTC time>).")
    String sweepId;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "When the data was true, e.g. 2021-05-04T10:00:00Z (default: the import time, with a warning)."
                    + " WARC captures keep their own dates.")
    String asOf;

    @Option(names = "--endpoint", paramLabel = "NAME",
            description = "Endpoint of every file, e.g. calendarByDistrict (default: inferred from name and shape).")
    String endpoint;

    @Option(names = "--param", paramLabel = "K=V", description = "Request parameter of every file, e.g. district_id=192 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--name-pattern", paramLabel = "PATTERN",
            description = "Read request parameters from each file's name, or from its path relative to the input"
                    + " when PATTERN has a '/'. {district_id} {state_id} {pincode} {center_id} match digits; {date}"
                    + " matches dd-MM-yyyy, yyyy-MM-dd or yyyyMMdd (stored as dd-MM-yyyy); * matches any characters"
                    + " but '/'; the rest is literal. A file that does not match is an error (see --skip-unmatched)."
                    + " E.g. 'calendarByDistrict_{district_id}-*_{date}_*.json'.")
    String namePattern;

    @Option(names = "--skip-unmatched", description = "Leave out (and count) files that --name-pattern does not match.")
    boolean skipUnmatched;

    @Option(names = "--skip-personal",
            description = "Refuse (and count, by kind) files with personal data, and archive the rest; exit 0.")
    boolean skipPersonal;

    @Option(names = "--raw-file-size", paramLabel = "SIZE", defaultValue = "1g",
            description = "Start a new raw WARC file once one is this large, e.g. 1g, 256m (default: ${DEFAULT-VALUE}).")
    String rawFileSize;

    @Option(names = "--git", paramLabel = "REPO", description = {"A git-scraping repository instead of FILE|DIR|ARCHIVE: each",
            "commit (first parent of HEAD) that adds or changes matching files (by",
            "--name-pattern on the path in the tree, else files ending .json) is one",
            "sweep git-<committer time>-<commit>, as of its committer time (an upper",
            "bound of the capture time). Commits already in raw/ are skipped."})
    Path git;

    @Option(names = "--git-tree", description = {"With --git: each commit's sweep holds every matching file of its",
            "tree, an unchanged one as a WARC revisit of its earlier capture",
            "(for scrapers that rewrite every file each run)."})
    boolean gitTree;

    @Parameters(paramLabel = "FILE|DIR|ARCHIVE", arity = "0..*", description = "Recorded responses.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (git != null || gitTree) {
            return ImportGit.run(this);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to import: give FILE|DIR|ARCHIVE…, or --git REPO");
        }
        NamePattern pattern = namePattern == null ? null : NamePattern.compile(namePattern);
        ImportJob.Request request = new ImportJob.Request(sweepId, parseInstant(asOf), parseEndpoint(endpoint),
                parseParams(params), pattern, skipUnmatched, skipPersonal, parseSize(rawFileSize),
                inputs.stream().map(ImportInput::of).toList());
        ImportJob.Result r = ImportJob.run(common.root(), request, Instant.now(),
                line -> System.err.println("vaxslots: warning: " + line), true);
        System.out.println(summary(r, common.root()::relative));
        return 0;
    }

    static String summary(ImportJob.Result r, java.util.function.Function<Path, String> relative) {
        StringBuilder s = new StringBuilder("imported " + r.imported() + " capture(s) into sweep " + r.sweepId());
        if (!r.warcFiles().isEmpty()) {
            s.append(" in ").append(r.warcFiles().size()).append(" raw file(s): ")
                    .append(r.warcFiles().stream().map(relative).collect(Collectors.joining(", ")));
        }
        if (r.resumed() > 0) {
            s.append("\n  ").append(r.resumed()).append(" of them staged by an interrupted import, published now");
        }
        if (r.skipped() > 0) {
            s.append("\n  already archived (same request, same bytes): ").append(r.skipped());
        }
        if (r.unmatched() > 0) {
            s.append("\n  left out, not matching --name-pattern: ").append(r.unmatched());
        }
        if (r.refusedCount() > 0) {
            s.append("\n  refused, personal data or a non-public endpoint: ").append(r.refusedCount())
                    .append(" (").append(byKind(r.refused())).append(")");
        }
        if (r.leftOutCount() > 0) {
            s.append("\n  left out, not Co-WIN captures: ").append(r.leftOutCount())
                    .append(" (").append(byKind(r.leftOut())).append(")");
        }
        return s.toString();
    }

    private static String byKind(SortedMap<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    static long parseSize(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})([kmg]?)").matcher(s.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--raw-file-size '" + s + "' is not a size such as 1g, 256m or 1048576");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
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
