package org.vaxslots.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.vaxslots.privacy.PersonalDataScreen.Finding;

/**
 * The screen over the hostile corpus (src/test/resources/hostile/: every file refused, with its
 * kind and place) and over real public data (the bundled Co-WIN samples, the crawler's own
 * request, fractional and huge capacities: nothing refused).
 */
class PersonalDataScreenTest {
    /** Each hostile file and the finding the screen must give for it. */
    static final Map<String, Finding> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("beneficiaries.json",
                new Finding("protected API response (beneficiary list, /v2/appointment/beneficiaries)", "$.beneficiaries"));
        HOSTILE.put("generateMobileOTP_txnId.json",
                new Finding("protected API response (OTP transaction, /v2/auth/generateMobileOTP)", "$.txnId"));
        HOSTILE.put("validateMobileOtp_token.json",
                new Finding("protected API response (login token, /v2/auth/validateMobileOtp)", "$.token"));
        HOSTILE.put("appointment_schedule_confirmation.json", new Finding(
                "protected API response (appointment confirmation, /v2/appointment/schedule)", "$.appointment_confirmation_no"));
        HOSTILE.put("appointment_schedule_appointment_id.json", new Finding(
                "protected API response (appointment confirmation, /v2/appointment/schedule)", "$.appointment_id"));
        HOSTILE.put("bot_people.json", new Finding("key name beside birth_year", "$.people[0]"));
        HOSTILE.put("booking_bot_log.txt", new Finding("JWT", "line 2"));
        HOSTILE.put("booking_bot_opaque_bearer_log.txt", new Finding("bearer token", "line 1"));
        HOSTILE.put("booking_bot_otp_log.txt", new Finding("otp= in text", "line 1"));
        HOSTILE.put("calendarByDistrict_phoneInAddress.json", new Finding("phone number", "$.centers[1].address"));
        HOSTILE.put("certificate_download.pdf", new Finding(PersonalDataScreen.PDF_KIND, "$"));
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = PersonalDataScreenTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        }
    }

    private static Optional<Finding> body(String json) {
        return PersonalDataScreen.body(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void body_everyHostileFile_isRefusedWithItsKindAndPlace() throws IOException {
        for (Map.Entry<String, Finding> e : HOSTILE.entrySet()) {
            assertEquals(Optional.of(e.getValue()), PersonalDataScreen.body(resource("/hostile/" + e.getKey())), e.getKey());
        }
    }

    private static final Finding BENEFICIARIES = new Finding(
            "protected API response (beneficiary list, /v2/appointment/beneficiaries)", "$.beneficiaries");

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void body_beneficiariesSavedAsUtf16OrUtf32OrGzipOrWithABom_isRefusedAsInUtf8() throws IOException {
        String text = new String(resource("/hostile/beneficiaries.json"), StandardCharsets.UTF_8);
        Map<String, byte[]> saved = new LinkedHashMap<>();
        saved.put("UTF-16LE with BOM (PowerShell >)", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_16LE)));
        saved.put("UTF-16BE without BOM", text.getBytes(StandardCharsets.UTF_16BE));
        saved.put("UTF-32LE with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                text.getBytes(java.nio.charset.Charset.forName("UTF-32LE"))));
        saved.put("UTF-8 with BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8)));
        saved.put("gzip", gzip(text.getBytes(StandardCharsets.UTF_8)));

        for (Map.Entry<String, byte[]> e : saved.entrySet()) {
            assertEquals(Optional.of(BENEFICIARIES), PersonalDataScreen.body(e.getValue()), e.getKey());
        }
    }

    @Test
    void body_sampleSavedAsUtf16OrGzip_isStillClean() throws IOException {
        byte[] sample = resource("/org/vaxslots/samples/cowin/calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json");
        String text = new String(sample, StandardCharsets.UTF_8);

        assertEquals(Optional.empty(), PersonalDataScreen.body(text.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(Optional.empty(), PersonalDataScreen.body(gzip(sample)));
    }

    @Test
    void body_gzipInsideGzip_isRefusedAsUnscreenable() throws IOException {
        Optional<Finding> f = PersonalDataScreen.body(gzip(gzip("{\"centers\":[]}".getBytes(StandardCharsets.UTF_8))));

        assertEquals(Optional.of(new Finding(PersonalDataScreen.UNSCREENABLE_KIND + " (gzip inside gzip)", "$")), f);
    }

    @Test
    void body_everyBundledSample_isClean() throws IOException {
        String index = new String(resource("/org/vaxslots/samples/cowin/index.txt"), StandardCharsets.UTF_8);
        int samples = 0;
        for (String name : index.split("\n")) {
            if (name.endsWith(".json")) {
                assertEquals(Optional.empty(), PersonalDataScreen.body(resource("/org/vaxslots/samples/cowin/" + name)), name);
                samples++;
            }
        }
        assertEquals(13, samples);
    }

    @Test
    void body_numbersUnderPublicFields_areNumbersNotIds() {
        assertEquals(Optional.empty(), body("{\"centers\":[{\"center_id\":1234567,\"pincode\":682001,\"lat\":9.98,\"long\":76.28,"
                + "\"sessions\":[{\"session_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"date\":\"24-05-2021\","
                + "\"available_capacity\":50.00000000000001,\"available_capacity_dose1\":1234567890123,"
                + "\"available_capacity_dose2\":0.7000000000000028,\"min_age_limit\":18,\"vaccine\":\"COVISHIELD\","
                + "\"slots\":[\"09:00AM-11:00AM\",{\"time\":\"11:00AM-01:00PM\",\"seats\":9876543210}]}]}]}"));
    }

    @Test
    void body_wholeNumberUnderUnknownKey_isJudgedByItsDigits() {
        assertEquals(Optional.of(new Finding("phone number", "$.centers[0].contact")),
                body("{\"centers\":[{\"center_id\":1,\"contact\":9876543210}]}"));
        assertEquals(Optional.empty(), body("{\"centers\":[{\"center_id\":1,\"ratio\":98765.43210}]}"));
    }

    @Test
    void body_valueOffItsPublicShape_isScreened() {
        assertEquals(Optional.of(new Finding("phone number", "$.centers[0].pincode")),
                body("{\"centers\":[{\"pincode\":\"9876543210\"}]}"));
        assertEquals(Optional.of(new Finding("email address", "$.sessions[0].session_id")),
                body("{\"sessions\":[{\"session_id\":\"someone@example.org\"}]}"));
    }

    @Test
    void body_personalKeyDeepInside_isRefusedByKey() {
        assertEquals(Optional.of(new Finding("key mobile_number", "$.data.people[2].mobile_number")),
                body("{\"data\":{\"people\":[{},{},{\"mobile_number\":null}]}}"));
        assertEquals(Optional.of(new Finding("key TXN_ID", "$.log[0].TXN_ID")), body("{\"log\":[{\"TXN_ID\":\"x\"}]}"));
        assertEquals(Optional.of(new Finding("key access_token", "$.session.access_token")),
                body("{\"session\":{\"access_token\":\"x\"}}"));
    }

    @Test
    void body_centerNameWithoutBirthYear_isClean() {
        assertEquals(Optional.empty(), body("[{\"name\":\"PHC Kiloi\",\"address\":\"Kiloi\",\"block_name\":\"Rohtak\"}]"));
    }

    @Test
    void body_personalLookingKey_isReportedWithoutTheKey() {
        assertEquals(Optional.of(new Finding("phone number in a key", "$.<key:10>")), body("{\"9876543210\":{\"district_id\":1}}"));
    }

    @Test
    void body_truncatedJson_isScreenedUpToTheCut() {
        assertEquals(Optional.of(new Finding("key mobile_number", "$.x[0].mobile_number")),
                body("{\"x\":[{\"mobile_number\":\"9999900001\""));
    }

    @Test
    void body_jsonFollowedByText_isScreenedAsText() {
        assertEquals(Optional.of(new Finding("key mobile_number", "line 2")),
                body("{\"centers\":[]}\nsaved {\"mobile_number\":\"9999900001\"}"));
    }

    @Test
    void body_cloudFrontPageAndEmptyBodies_areClean() {
        String page = "<HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY><H1>403 ERROR</H1>"
                + "<PRE>Generated by cloudfront (CloudFront)\nRequest ID: Hn5R0y2H3qBmX3O5eBz8Ti6Sk8-Q6WLCddhnkuZy9z2C_5eP4FOC1g==\n"
                + "</PRE></BODY></HTML>";
        assertEquals(Optional.empty(), body(page));
        assertEquals(Optional.empty(), body(""));
        assertEquals(Optional.empty(), body("{\"centers\":[]}"));
        assertEquals(Optional.empty(), body("{\"errorCode\":\"APPOIN0018\",\"error\":\"Invalid Pincode\"}"));
    }

    @Test
    void request_crawlersOwnRequest_isClean() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("User-Agent", List.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.93"));
        headers.put("Accept", List.of("application/json"));
        headers.put("Accept-Language", List.of("en_US"));
        headers.put("If-None-Match", List.of("W/\"668c-e575baa77de6a318\""));
        assertEquals(Optional.empty(), PersonalDataScreen.request(
                "https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict?district_id=298&date=24-05-2021",
                headers));
        assertEquals(Optional.empty(), PersonalDataScreen.request("http://127.0.0.1:42721/api/v2/admin/location/districts/17", Map.of()));
        assertEquals(Optional.empty(), PersonalDataScreen.request("https://cdn-api.co-vin.in/api/unknown?date=24-05-2021", Map.of()));
        assertEquals(Optional.empty(), PersonalDataScreen.request(null, Map.of()));
    }

    @Test
    void request_credentialsAndTokens_areRefusedByHeaderName() {
        assertEquals(Optional.of(new Finding("credential header", "header Authorization")),
                PersonalDataScreen.request(null, Map.of("Authorization", List.of("Bearer x"))));
        assertEquals(Optional.of(new Finding("credential header", "header Set-Cookie")),
                PersonalDataScreen.request(null, Map.of("Set-Cookie", List.of("a=b"))));
        assertEquals(Optional.of(new Finding("credential header", "header cookie")),
                PersonalDataScreen.request(null, Map.of("cookie", List.of("a=b"))));
        assertEquals(Optional.of(new Finding("token header", "header X-Api-Key")),
                PersonalDataScreen.request(null, Map.of("X-Api-Key", List.of("k"))));
        assertEquals(Optional.of(new Finding("token header", "header X-Auth-Token")),
                PersonalDataScreen.request(null, Map.of("X-Auth-Token", List.of("k"))));
        assertEquals(Optional.of(new Finding("phone number", "header X-Debug")),
                PersonalDataScreen.request(null, Map.of("X-Debug", List.of("for 9876543210"))));
    }

    @Test
    void request_urlsOffTheAllowlist_areRefusedNamingThePath() {
        assertEquals(Optional.of(new Finding("URL off the public allowlist", "url path /api/v2/auth/generateMobileOTP")),
                PersonalDataScreen.request("https://cdn-api.co-vin.in/api/v2/auth/generateMobileOTP", Map.of()));
        assertEquals(Optional.of(new Finding("URL off the public allowlist", "url path /api/v2/appointment/sessions/calendarByDistrict")),
                PersonalDataScreen.request("https://cdn-api.co-vin.in/api/v2/appointment/sessions/calendarByDistrict?district_id=1",
                        Map.of()));
        assertEquals(Optional.of(new Finding("URL off the public allowlist", "url parameter vaccine")),
                PersonalDataScreen.request("https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/findByPin"
                        + "?pincode=110085&date=24-05-2021&vaccine=COVISHIELD", Map.of()));
        assertEquals(Optional.of(new Finding("beneficiary reference id", "url parameter beneficiary_reference_id")),
                PersonalDataScreen.request("https://cdn-api.co-vin.in/api/v2/registration/certificate/public/download"
                        .replace("/v2/registration/certificate/public/download", "/unknown") + "?beneficiary_reference_id=10000000000001",
                        Map.of()));
        assertEquals(Optional.of(new Finding("credentials in the URL", "url")),
                PersonalDataScreen.request("https://user:pw@cdn-api.co-vin.in/api/v2/admin/location/states", Map.of()));
        assertEquals(Optional.of(new Finding("URL off the public allowlist", "url path <path:18>")),
                PersonalDataScreen.request("https://example.org/people/9876543210", Map.of()));
    }

    @Test
    void maskSnippet_personalValues_becomeMarkersOfKindAndLength() throws IOException {
        assertEquals("{\"beneficiaries\":[{\"beneficiary_reference_id\":\"<beneficiary reference id:14>\",\"name\":\"<name:15>\","
                + "\"birth_year\":\"1980\",\"gender\":\"Female\",\"mobile_number\":\"<phone number:10>\",\"photo_id_type\":\"Aadhaar Card\","
                + "\"photo_id_number\":\"<ID number:12>\"",
                PersonalDataScreen.maskSnippet("{\"beneficiaries\":[{\"beneficiary_reference_id\":\"10000000000001\",\"name\":\"Asha Testperson\","
                        + "\"birth_year\":\"1980\",\"gender\":\"Female\",\"mobile_number\":\"9999900001\",\"photo_id_type\":\"Aadhaar Card\","
                        + "\"photo_id_number\":\"XXXXXXXX0001\""));
        String token = new String(resource("/hostile/validateMobileOtp_token.json"), StandardCharsets.UTF_8).trim();
        String jwt = token.substring(token.indexOf("eyJ"), token.indexOf('"', token.indexOf("eyJ")));
        assertEquals("{\"token\": \"<jwt:" + jwt.length() + ">\", \"isNewAccount\": \"N\"}", PersonalDataScreen.maskSnippet(token));
        assertEquals("Authorization: Bearer <token:32> otp=<OTP:6> txnId=<OTP transaction id:36>",
                PersonalDataScreen.maskSnippet("Authorization: Bearer 0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c otp=482913"
                        + " txnId=7b1e4c2a-5d6f-4a8b-9c0d-1e2f3a4b5c6d"));
        assertEquals("{\"address\":\"PHC call <phone number:11> or <email address:19>\",\"x\":<Aadhaar-like number:14>",
                PersonalDataScreen.maskSnippet("{\"address\":\"PHC call 98470 12345 or someone@example.org\",\"x\":2345 6789 0123"));
    }

    @Test
    void maskSnippet_publicSnippet_isUnchanged() {
        String snippet = "{\"centers\":[{\"center_id\":693726,\"name\":\"Chiri 18 Plus\",\"pincode\":124514,\"sessions\":[{\"session_id\":"
                + "\"9ce3051d-2b2f-4d5e-8f7a-1b2c3d4e5f60\",\"available_capacity\":50.00000000000001,\"slots\":[\"09:00AM-11:00AM\"]";
        assertEquals(snippet, PersonalDataScreen.maskSnippet(snippet));
        assertEquals(null, PersonalDataScreen.maskSnippet(null));
    }

    @Test
    void maskSnippet_maskedSnippet_isCleanForTheScreen() throws IOException {
        for (String file : HOSTILE.keySet()) {
            if (file.endsWith(".pdf")) {
                continue;
            }
            String masked = PersonalDataScreen.maskSnippet(new String(resource("/hostile/" + file), StandardCharsets.UTF_8));
            assertEquals(Optional.empty(), PersonalDataScreen.text(masked), file + ": " + masked);
        }
    }

    /**
     * A national-size calendarByDistrict body (40 MB: the Raigad sample's 200 centers repeated),
     * screened after a warm-up; prints the rate (PRIVACY.md quotes it).
     */
    @Test
    void body_national40MegabyteResponse_isCleanAndPrintsItsRate() throws IOException {
        String sample = new String(resource("/org/vaxslots/samples/cowin/"
                + "calendarByDistrict_393-Raigad_2021-05-21_haseeb-biya.centers-array.json"), StandardCharsets.UTF_8).trim();
        String centers = sample.substring(sample.indexOf('[') + 1, sample.lastIndexOf(']'));
        StringBuilder sb = new StringBuilder("{\"centers\":[").append(centers);
        while (sb.length() < 40_000_000) {
            sb.append(',').append(centers);
        }
        byte[] national = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        byte[] warmUp = ("{\"centers\":[" + (centers + ",").repeat(9) + centers + "]}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            PersonalDataScreen.body(warmUp);
        }

        long start = System.nanoTime();
        Optional<Finding> f = PersonalDataScreen.body(national);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(Optional.empty(), f);
        System.out.printf("PersonalDataScreen.body: %.1f MB in %.2f s = %.0f MB/s%n", national.length / 1e6, seconds,
                national.length / 1e6 / seconds);
    }

    @Test
    void describe_finding_namesKindAndPlaceOnly() {
        assertEquals("key mobile_number at $.beneficiaries[0]", new Finding("key mobile_number", "$.beneficiaries[0]").describe());
        assertTrue(new Finding("JWT", "").describe().equals("JWT"));
    }
}
