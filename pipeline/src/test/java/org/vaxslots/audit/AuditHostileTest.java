package org.vaxslots.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.DemoRoot;

/**
 * The hostile corpus (src/test/resources/hostile/) planted into a copy of the demo's data root,
 * each file in the four places audit reads: a raw WARC record, a table cell, a pack CSV cell and a
 * state file. Audit must name each file, its place and the kind, and print none of the values;
 * and the bundled Co-WIN samples archived in raw/, with fractional capacities and a response record
 * that holds no HTTP message, must audit clean.
 */
class AuditHostileTest {
    /** The text files of the corpus (the PDF is planted only where a file, not a cell, can be one). */
    private static final List<String> TEXT_FILES = List.of("beneficiaries.json", "generateMobileOTP_txnId.json",
            "validateMobileOtp_token.json", "appointment_schedule_confirmation.json", "appointment_schedule_appointment_id.json",
            "bot_people.json", "booking_bot_log.txt", "booking_bot_opaque_bearer_log.txt", "booking_bot_otp_log.txt",
            "calendarByDistrict_phoneInAddress.json");
    private static final String PDF = "certificate_download.pdf";
    /** Values from the corpus that must never be printed. */
    private static final List<String> SECRETS = List.of("9999900001", "10000000000001", "Asha Testperson", "Ravi Madeup",
            "482913", "98470 12345", "7b1e4c2a-5d6f-4a8b-9c0d-1e2f3a4b5c6d", "0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "c0000000-0000-4000-8000-00000000c0f1", "XXXXXXXX0001");
    private static final URI UNKNOWN = URI.create(Endpoint.COWIN_BASE + "/unknown");

    @TempDir
    Path dir;

    private static byte[] hostile(String name) throws IOException {
        try (InputStream in = AuditHostileTest.class.getResourceAsStream("/hostile/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String stem(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static void warc(Path file, WarcRecordSource record) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            w.write(record.build());
        }
    }

    @FunctionalInterface
    private interface WarcRecordSource {
        org.netpreserve.jwarc.WarcRecord build() throws IOException;
    }

    private static void resource(Path file, byte[] body) throws IOException {
        warc(file, () -> new WarcResource.Builder(UNKNOWN).date(Instant.parse("2021-05-09T07:12:03Z"))
                .body(MediaType.OCTET_STREAM, body).build());
    }

    /** Plants every hostile file into raw/, tables/, reports/ and state/ of a copy of the demo root. */
    private DataRoot planted() throws Exception {
        DataRoot root = DemoRoot.copy(dir.resolve("data"), "raw", "state", "tables", "reports");
        for (String name : TEXT_FILES) {
            resource(root.rawSweep("planted").resolve(stem(name) + ".warc.gz"), hostile(name));
        }
        resource(root.rawSweep("planted").resolve(stem(PDF) + ".warc.gz"), hostile(PDF));
        warc(root.rawSweep("planted").resolve("bot-request.warc.gz"), () -> new WarcRequest.Builder(URI.create(
                "https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict?district_id=307&date=09-05-2021"))
                .body(new HttpRequest.Builder("GET", "/api/v2/appointment/sessions/public/calendarByDistrict?district_id=307&date=09-05-2021")
                        .addHeader("Host", "cdn-api.co-vin.in")
                        .addHeader("Authorization", "Bearer " + new String(hostile("validateMobileOtp_token.json"), StandardCharsets.UTF_8)
                                .replaceAll("(?s).*\"(eyJ[^\"]+)\".*", "$1"))
                        .build())
                .build());
        String calls = Files.readString(root.sourceCalls().resolve(callsFile(root)));
        for (String name : List.of("booking_bot_log.txt", "validateMobileOtp_token.json", "calendarByDistrict_phoneInAddress.json")) {
            Files.writeString(root.sourceCalls().resolve("planted-" + stem(name) + ".calls"),
                    calls + new String(hostile(name), StandardCharsets.UTF_8));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String name : TEXT_FILES) {
                Path part = root.tablePartition("rejects", "planted-" + stem(name).replace('_', '-')).resolve(DataRoot.PART_FILE);
                Files.createDirectories(part.getParent());
                try (PreparedStatement st = c.prepareStatement("COPY (SELECT 'raw/x.warc.gz' AS source, 0::BIGINT AS \"offset\","
                        + " '$' AS record_path, 'unknown shape' AS reason, ?::VARCHAR AS snippet) TO '" + part + "' (FORMAT parquet)")) {
                    st.setString(1, new String(hostile(name), StandardCharsets.UTF_8));
                    st.execute();
                }
            }
        }
        Path csv = root.reports().resolve("demo/state_daily_coverage.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String name : TEXT_FILES) {
            Path pack = root.reports().resolve("planted-" + stem(name));
            Files.createDirectories(pack);
            String cell = "\"" + new String(hostile(name), StandardCharsets.UTF_8).replace("\"", "\"\"") + "\"";
            List<String> planted = new ArrayList<>(lines.subList(0, 2));
            planted.set(1, planted.get(1).replaceFirst(",Kerala,", "," + java.util.regex.Matcher.quoteReplacement(cell) + ","));
            Files.write(pack.resolve("state_daily_coverage.csv"), planted, StandardCharsets.UTF_8);
        }
        Files.write(root.reports().resolve("demo/" + PDF), hostile(PDF));
        return root;
    }

    private static String callsFile(DataRoot root) throws IOException {
        try (var s = Files.list(root.sourceCalls())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".calls") && !n.startsWith("planted-")).findFirst().orElseThrow();
        }
    }

    @Test
    void audit_hostileCorpusPlantedEverywhere_namesEachFilePlaceAndKindButNoValue() throws Exception {
        DataRoot root = planted();

        int callLines = Files.readString(root.sourceCalls().resolve(callsFile(root))).split("\n").length;

        Cli.Run r = Cli.run("audit", root.root().toString());

        List<String> expected = new ArrayList<>();
        String benefList = "protected API response (beneficiary list, /v2/appointment/beneficiaries)";
        String confirmation = "protected API response (appointment confirmation, /v2/appointment/schedule)";
        String[][] raw = {
            {"appointment_schedule_appointment_id", "(resource), payload $.appointment_id", confirmation},
            {"appointment_schedule_confirmation", "(resource), payload $.appointment_confirmation_no", confirmation},
            {"beneficiaries", "(resource), payload $.beneficiaries", benefList},
            {"booking_bot_log", "(resource), payload line 2", "JWT"},
            {"booking_bot_opaque_bearer_log", "(resource), payload line 1", "bearer token"},
            {"booking_bot_otp_log", "(resource), payload line 1", "otp= in text"},
            {"bot-request", "(request), HTTP header Authorization", "credential header"},
            {"bot_people", "(resource), payload $.people[0]", "key name beside birth_year"},
            {"calendarByDistrict_phoneInAddress", "(resource), payload $.centers[1].address", "phone number"},
            {"certificate_download", "(resource), payload $", "PDF document (a certificate or appointment-slip download)"},
            {"generateMobileOTP_txnId", "(resource), payload $.txnId", "protected API response (OTP transaction, /v2/auth/generateMobileOTP)"},
            {"validateMobileOtp_token", "(resource), payload $.token", "protected API response (login token, /v2/auth/validateMobileOtp)"}};
        for (String[] e : raw) {
            expected.add("raw/sweep_id=planted/" + e[0] + ".warc.gz: record at offset 0 " + e[1] + ": " + e[2]);
        }
        expected.add("state/sources/planted-booking_bot_log.calls: line " + (callLines + 2) + ": JWT");
        expected.add("state/sources/planted-calendarByDistrict_phoneInAddress.calls: line " + (callLines + 1) + ": phone number");
        expected.add("state/sources/planted-validateMobileOtp_token.calls: line " + (callLines + 1) + ": JWT");
        String[][] cells = {
            {"appointment_schedule_appointment_id", "key appointment_id"},
            {"appointment_schedule_confirmation", "key appointment_confirmation_no"},
            {"beneficiaries", "key beneficiary_reference_id"},
            {"booking_bot_log", "JWT"},
            {"booking_bot_opaque_bearer_log", "bearer token"},
            {"booking_bot_otp_log", "otp= in text"},
            {"bot_people", "key name beside birth_year"},
            {"calendarByDistrict_phoneInAddress", "phone number"},
            {"generateMobileOTP_txnId", "key txnId"},
            {"validateMobileOtp_token", "JWT"}};
        for (String[] e : cells) {
            expected.add("tables/rejects/sweep_id=planted-" + e[0].replace('_', '-') + "/part-00000.parquet: column snippet:"
                    + " a value looks like personal data: " + e[1] + " (first at data row 1)");
        }
        expected.add("reports/demo/certificate_download.pdf: start: PDF document (a certificate or appointment-slip download)");
        for (String[] e : cells) {
            expected.add("reports/planted-" + e[0] + "/state_daily_coverage.csv: column state_name:"
                    + " a value looks like personal data: " + e[1] + " (first at data row 1)");
        }
        assertEquals(1, r.exit(), r.out());
        assertEquals(expected, r.err().lines().map(l -> l.substring("vaxslots audit: ".length())).toList());
        for (String secret : SECRETS) {
            assertFalse(r.err().contains(secret) || r.out().contains(secret), secret);
        }
    }

    @Test
    void audit_bundledSamplesAndFractionalCapacities_areClean() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("samples"));
        String index = new String(AuditHostileTest.class.getResourceAsStream("/org/vaxslots/samples/cowin/index.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        int n = 0;
        for (String name : index.split("\n")) {
            if (name.endsWith(".json")) {
                resource(root.rawSweep("samples").resolve("sample-" + (++n) + ".warc.gz"),
                        AuditHostileTest.class.getResourceAsStream("/org/vaxslots/samples/cowin/" + name).readAllBytes());
            }
        }
        resource(root.rawSweep("samples").resolve("fractional.warc.gz"), ("{\"centers\":[{\"center_id\":1,\"sessions\":[{"
                + "\"available_capacity\":50.00000000000001,\"available_capacity_dose1\":0.7000000000000028,"
                + "\"available_capacity_dose2\":1234567890123}]}]}").getBytes(StandardCharsets.UTF_8));
        warc(root.rawSweep("samples").resolve("not-http.warc.gz"), () -> new org.netpreserve.jwarc.WarcResponse.Builder(
                URI.create(Endpoint.COWIN_BASE + "/v2/admin/location/states")).body(MediaType.parse("text/plain"),
                "no HTTP message here".getBytes(StandardCharsets.UTF_8)).build());
        Path part = root.tablePartition("rejects", "samples").resolve(DataRoot.PART_FILE);
        Files.createDirectories(part.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'raw/x.warc.gz' AS source, 1796166702938::BIGINT AS \"offset\", '$' AS record_path,"
                    + " 'fractional' AS reason, '{\"available_capacity\":50.00000000000001}' AS snippet) TO '" + part + "' (FORMAT parquet)");
        }

        AuditJob.Result r = AuditJob.run(root.root());

        assertEquals(List.of(), r.findings());
        assertEquals(15, r.rawFiles());
        assertEquals(15, r.rawRecords());
        assertEquals(1, r.files());
    }
}
