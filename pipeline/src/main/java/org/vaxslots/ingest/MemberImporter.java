package org.vaxslots.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.vaxslots.model.Endpoint;
import org.vaxslots.privacy.PersonalDataScreen;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveWriter;

/**
 * {@link ImportJob}'s steps for one member: its request, the screen, the identity check and its
 * records. The sweep's raw files are opened at the first member, so an input that yields none (a
 * missing file) leaves nothing behind.
 */
final class MemberImporter implements ImportInput.Sink, AutoCloseable {
    private static final Map<String, String> INFO = Map.of("software", "vaxslots import", "format", "WARC File Format 1.0",
            "description", "recorded Co-WIN responses imported as exact bytes");

    private final DataRoot root;
    private final String sweepId;
    private final ImportJob.Request request;
    private final Instant now;
    private final Consumer<String> warn;
    private final SortedMap<String, Integer> refused = new TreeMap<>();
    private final SortedMap<String, Integer> leftOut = new TreeMap<>();
    private ImportFiles files;
    private int imported;
    private int skipped;
    private int unmatched;
    private int unknown;
    private String firstUnknown;

    MemberImporter(DataRoot root, String sweepId, ImportJob.Request request, Instant now, Consumer<String> warn) {
        this.root = root;
        this.sweepId = sweepId;
        this.request = request;
        this.now = now;
        this.warn = warn;
    }

    private record Asked(Endpoint endpoint, Map<String, String> params, String inferred) {}

    @Override
    public void member(Member m) throws IOException {
        Optional<PersonalDataScreen.Finding> inPath = PersonalDataScreen.sourcePath(m.path());
        if (inPath.isPresent()) {
            refuse(m, inPath.get());
            return;
        }
        Asked asked = m.capture() != null ? fromCapture(m) : fromFile(m);
        if (asked == null) {
            return;
        }
        Optional<PersonalDataScreen.Finding> finding = m.capture() == null ? Optional.empty()
                : PersonalDataScreen.request(m.capture().target().toString(), m.capture().requestHeaders());
        if (finding.isEmpty() && m.capture() != null) {
            finding = PersonalDataScreen.request(null, m.capture().responseHeaders())
                    .map(f -> new PersonalDataScreen.Finding(f.kind(), "response " + f.where()));
        }
        if (finding.isEmpty() && m.capture() != null) {
            finding = PersonalDataScreen.body(m.capture().requestBody())
                    .map(f -> new PersonalDataScreen.Finding(f.kind(), "request body " + f.where()));
        }
        if (finding.isEmpty() && m.capture() != null && asked.endpoint() == Endpoint.UNKNOWN) {
            finding = Optional.of(new PersonalDataScreen.Finding("URL off the public allowlist", "target URI"));
        }
        if (finding.isEmpty()) {
            finding = PersonalDataScreen.body(m.body());
        }
        if (finding.isPresent()) {
            refuse(m, finding.get());
            return;
        }
        String query = Endpoint.query(asked.params());
        String identity = ImportFiles.identity(asked.endpoint().apiName(), query, m.path(),
                m.capture() == null ? null : m.capture().recordId());
        String sha = Digests.sha256Hex(m.body());
        ImportFiles raw = files();
        if (raw.holds(identity, sha)) {
            if (skipped++ == 0) {
                warn.accept("skipped " + where(m) + ": the same request is already archived in sweep " + sweepId
                        + " with the same bytes (" + identity + "); every other such file is counted in the summary");
            }
            return;
        }
        if (raw.holdsRequest(identity)) {
            warn.accept(where(m) + " answers " + identity + ", which sweep " + sweepId + " already holds with other"
                    + " bytes: both are kept (import them into separate sweeps if they are captures at different times)");
        }
        if (asked.endpoint() == Endpoint.UNKNOWN && unknown++ == 0) {
            firstUnknown = m.path();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RawHeaders.SWEEP_ID, sweepId);
        fields.put(RawHeaders.ENDPOINT, asked.endpoint().apiName());
        fields.put(RawHeaders.PARAMS, query);
        fields.put(RawHeaders.INFERRED, asked.inferred());
        if (m.capture() == null) {
            fields.put(RawHeaders.AS_OF, (request.asOf() != null ? request.asOf() : now).toString());
            fields.put(RawHeaders.AS_OF_SOURCE, request.asOf() != null ? "given" : "import_time");
        }
        fields.put(RawHeaders.SOURCE_FILE, m.path());
        fields.put(RawHeaders.SOURCE_SHA256, sha);
        fields.putAll(m.fields());
        WarcArchiveWriter writer = raw.writer();
        if (m.capture() == null && fields.containsKey(RawHeaders.REFERS_TO_SWEEP)) {
            writer.write(GitImportJob.revisit(asked.endpoint().uri(Endpoint.COWIN_BASE, asked.params()), now, m.body(), fields));
        } else if (m.capture() == null) {
            writer.writeResource(asked.endpoint().uri(Endpoint.COWIN_BASE, asked.params()), now, mediaType(m.body()),
                    m.body(), fields);
        } else {
            writeCapture(writer, m.capture(), fields);
        }
        raw.written(identity, sha);
        imported++;
    }

    @Override
    public void leftOut(String kind) {
        leftOut.merge(kind, 1, Integer::sum);
    }

    /** A file: pattern, then {@code --param}, over what its name and body suggest. Null when unmatched and skipped. */
    private Asked fromFile(Member m) {
        Map<String, String> fromPattern = Map.of();
        if (request.namePattern() != null) {
            Optional<Map<String, String>> matched = request.namePattern().match(m.path());
            if (matched.isEmpty()) {
                if (!request.skipUnmatched()) {
                    throw new ImportRefusedException(m.path() + " does not match --name-pattern '" + request.namePattern()
                            + "' (" + (request.namePattern().readsPath() ? "its path" : "its file name")
                            + " is read); nothing was archived. Fix the pattern, or pass --skip-unmatched to leave such files out");
                }
                unmatched++;
                return null;
            }
            fromPattern = matched.get();
        }
        RecordedFile recorded = RecordedFile.infer(m.name(), m.body());
        Endpoint endpoint = request.endpoint() != null ? request.endpoint() : recorded.endpoint();
        boolean inferParams = request.endpoint() == null && request.namePattern() == null;
        Map<String, String> params = new LinkedHashMap<>(inferParams ? recorded.params() : Map.of());
        params.putAll(m.params());
        params.putAll(fromPattern);
        params.putAll(request.params());
        String inferred;
        if (request.endpoint() != null) {
            inferred = request.namePattern() != null ? "nothing: endpoint given, parameters from --name-pattern"
                    : "nothing: endpoint given";
        } else if (request.namePattern() != null) {
            inferred = "endpoint from the file name or body; parameters from --name-pattern";
        } else {
            inferred = recorded.inferred();
        }
        return new Asked(endpoint, params, inferred);
    }

    /** A capture's request is its own: endpoint from its URI's path, parameters from its query. */
    private static Asked fromCapture(Member m) {
        URI target = m.capture().target();
        String path = target.getPath() == null ? "" : target.getPath();
        Endpoint endpoint = Arrays.stream(Endpoint.values())
                .filter(e -> e != Endpoint.UNKNOWN && (path.endsWith(e.path())
                        || (e == Endpoint.DISTRICTS && path.matches(".*" + e.path() + "\\d+"))))
                .findFirst().orElse(Endpoint.UNKNOWN);
        Map<String, String> params = new LinkedHashMap<>(m.params());
        if (endpoint == Endpoint.DISTRICTS) {
            params.put("state_id", path.substring(path.lastIndexOf('/') + 1));
        }
        return new Asked(endpoint, params, "nothing: request as the source WARC recorded it");
    }

    private void refuse(Member m, PersonalDataScreen.Finding finding) {
        if (!request.skipPersonal()) {
            throw new ImportRefusedException("refused " + where(m) + ": " + finding.describe()
                    + " (personal data or a non-public endpoint never enters raw/); nothing was archived."
                    + " Remove it from the input, or pass --skip-personal to archive the rest");
        }
        refused.merge(finding.kind(), 1, Integer::sum);
        warn.accept("refused " + where(m) + ": " + finding.describe());
    }

    /** The member as a user finds it: its path, and for a WARC capture the record's id there. */
    private static String where(Member m) {
        String path = PersonalDataScreen.printableSourcePath(m.path());
        return m.capture() == null ? path : path + " record " + m.capture().recordId();
    }

    private static void writeCapture(WarcArchiveWriter writer, Member.Capture c, Map<String, String> fields)
            throws IOException {
        WarcResponse.Builder response = new WarcResponse.Builder(c.target())
                .date(c.date())
                .blockDigest(new WarcDigest("sha256", Digests.sha256(c.responseBlock())))
                .body(MediaType.HTTP_RESPONSE, c.responseBlock());
        if (c.payloadDigest() != null) {
            response.setHeader("WARC-Payload-Digest", c.payloadDigest());
        }
        fields.put(RawHeaders.SOURCE_RECORD_ID, c.recordId());
        fields.forEach(response::addHeader);
        WarcResponse built = response.build();
        writer.write(built);
        if (c.requestBlock() != null) {
            writer.write(new WarcRequest.Builder(c.target())
                    .date(c.requestDate() != null ? c.requestDate() : c.date())
                    .blockDigest(new WarcDigest("sha256", Digests.sha256(c.requestBlock())))
                    .body(MediaType.HTTP_REQUEST, c.requestBlock())
                    .concurrentTo(built.id())
                    .addHeader(RawHeaders.SWEEP_ID, fields.get(RawHeaders.SWEEP_ID))
                    .build());
        }
    }

    private static MediaType mediaType(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' ? MediaType.JSON : b == '<' ? MediaType.HTML : MediaType.OCTET_STREAM;
            }
        }
        return MediaType.OCTET_STREAM;
    }

    private ImportFiles files() throws IOException {
        if (files == null) {
            files = ImportFiles.open(root, sweepId, request.maxFileBytes(), now, INFO);
        }
        return files;
    }

    List<Path> publish() throws IOException {
        return files == null ? List.of() : files.publish();
    }

    void discard() throws IOException {
        if (files != null) {
            files.discard();
        }
    }

    @Override
    public void close() throws IOException {
        if (files != null) {
            files.close();
        }
    }

    void warnUnknown() {
        if (unknown > 0) {
            warn.accept(unknown + " file(s) of unknown endpoint, e.g. " + firstUnknown
                    + " (name it with --endpoint); archived as 'unknown'");
        }
    }

    int imported() {
        return imported;
    }

    int skipped() {
        return skipped;
    }

    int resumed() {
        return files == null ? 0 : files.resumed();
    }

    int unmatched() {
        return unmatched;
    }

    SortedMap<String, Integer> refused() {
        return refused;
    }

    SortedMap<String, Integer> leftOut() {
        return leftOut;
    }
}
