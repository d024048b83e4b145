package org.vaxslots.raw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.netpreserve.jwarc.MediaType;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.store.SweepIds;

/**
 * Imports recorded responses (files from dumps, repositories, other archives) into the raw archive,
 * each as a WARC resource record holding the exact bytes read, so they enter the same pipeline as
 * live sweeps. Nothing is refused for its content: a non-JSON file is archived too and becomes a
 * rejects row in normalize. A file whose bytes are already archived in the sweep is skipped, so an
 * import can be repeated safely.
 */
public final class ImportJob {
    /** The production API base, used to name the target URI of recorded responses. */
    public static final String COWIN_BASE = "https://cdn-api.co-vin.in/api";

    public record Request(String sweepId, Instant asOf, Endpoint endpoint, Map<String, String> params, List<Path> inputs) {}

    public record Result(String sweepId, Path warcFile, int imported, int skipped) {}

    private ImportJob() {}

    /** @param warn receives one line per thing the user should know (guessed times, inferred endpoints). */
    public static Result run(DataRoot root, Request request, Instant now, Consumer<String> warn) throws IOException {
        List<Path> files = expand(request.inputs());
        String sweepId = request.sweepId() != null ? SweepIds.requireValid(request.sweepId()) : SweepIds.of("import", now);
        Instant asOf = request.asOf() != null ? request.asOf() : now;
        if (request.asOf() == null) {
            warn.accept("no --as-of given: the import time " + now + " is recorded as as_of (as_of_source = import_time)");
        }
        Map<String, String> archived = archivedDigests(root, sweepId);
        int imported = 0;
        int skipped = 0;
        Path warcFile = null;
        WarcArchiveWriter writer = null;
        try {
            for (Path file : files) {
                byte[] body = Files.readAllBytes(file);
                String sha = Digests.sha256Hex(body);
                String name = file.getFileName().toString();
                if (archived.containsKey(sha)) {
                    warn.accept("skipped " + name + ": the same bytes are already archived in sweep " + sweepId
                            + " (" + archived.get(sha) + ")");
                    skipped++;
                    continue;
                }
                RecordedFile recorded = RecordedFile.infer(name, body);
                Endpoint endpoint = request.endpoint() != null ? request.endpoint() : recorded.endpoint();
                Map<String, String> params = new LinkedHashMap<>(request.endpoint() != null ? Map.of() : recorded.params());
                params.putAll(request.params());
                if (endpoint == Endpoint.UNKNOWN) {
                    warn.accept(name + ": endpoint unknown (name it with --endpoint); archived as 'unknown'");
                }
                if (writer == null) {
                    writer = WarcArchiveWriter.create(root, sweepId, "import", now,
                            Map.of("software", "vaxslots import", "format", "WARC File Format 1.0",
                                    "description", "recorded Co-WIN responses imported as exact bytes"));
                }
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put(RawHeaders.SWEEP_ID, sweepId);
                fields.put(RawHeaders.ENDPOINT, endpoint.apiName());
                fields.put(RawHeaders.PARAMS, query(params));
                fields.put(RawHeaders.INFERRED, request.endpoint() != null ? "nothing: endpoint given" : recorded.inferred());
                fields.put(RawHeaders.AS_OF, asOf.toString());
                fields.put(RawHeaders.AS_OF_SOURCE, request.asOf() != null ? "given" : "import_time");
                fields.put(RawHeaders.SOURCE_FILE, name);
                fields.put(RawHeaders.SOURCE_SHA256, sha);
                writer.writeResource(targetUri(endpoint, params), now, mediaType(body), body, fields);
                archived.put(sha, name);
                imported++;
            }
        } finally {
            if (writer != null) {
                writer.close();
                warcFile = writer.path();
            }
        }
        return new Result(sweepId, warcFile, imported, skipped);
    }

    static URI targetUri(Endpoint endpoint, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>(params);
        String path = endpoint.path();
        if (endpoint == Endpoint.DISTRICTS && query.containsKey("state_id")) {
            path += query.remove("state_id");
        }
        String q = query(query);
        return URI.create(COWIN_BASE + path + (q.isEmpty() ? "" : "?" + q));
    }

    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static MediaType mediaType(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' ? MediaType.JSON : b == '<' ? MediaType.HTML : MediaType.OCTET_STREAM;
            }
        }
        return MediaType.OCTET_STREAM;
    }

    /** Files in the order given; a directory contributes its regular, non-hidden files sorted by path. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new NoSuchFileException(input.toString(), null, "no such file or directory");
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    /** sha256 → source file name of every resource already archived in the sweep. */
    private static Map<String, String> archivedDigests(DataRoot root, String sweepId) throws IOException {
        Map<String, String> digests = new HashMap<>();
        for (Path file : RawFiles.list(root, sweepId)) {
            WarcArchiveReader.read(file, root.relative(file), r -> {
                String sha = r.field(RawHeaders.SOURCE_SHA256);
                if (sha != null) {
                    digests.put(sha, r.field(RawHeaders.SOURCE_FILE));
                }
            }, damage -> { });
        }
        return digests;
    }

}
