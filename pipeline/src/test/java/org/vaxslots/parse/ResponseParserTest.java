package org.vaxslots.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.model.SessionRow;

class ResponseParserTest {
    private static final ResponseParser PARSER = ResponseParser.withBundledTables();
    private static final Instant AS_OF = Instant.parse("2021-05-04T10:00:00Z");

    private static FetchContext ctx(Endpoint endpoint, Integer districtId) {
        return new FetchContext("s1", "urn:uuid:1", endpoint, null, districtId, null, null, null, AS_OF);
    }

    private static ParsedResponse parseFixture(String name, Endpoint endpoint, Integer districtId) throws IOException {
        try (InputStream in = ResponseParserTest.class.getResourceAsStream("/ResponseParserTest/" + name)) {
            return PARSER.parse(ctx(endpoint, districtId), in.readAllBytes());
        }
    }

    private static ParsedResponse parse(String json) {
        return PARSER.parse(ctx(Endpoint.CALENDAR_BY_DISTRICT, 192), json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean observed(ParsedResponse r, String path, String event, String detail) {
        return r.observations().stream().anyMatch(o -> o.path().equals(path) && o.event().equals(event)
                && o.detail().equals(detail));
    }

    /** A minimal valid calendar session, with the field under test spliced in. */
    private static String calendar(String sessionFields) {
        return "{\"centers\":[{\"center_id\":1,\"name\":\"PHC\",\"address\":\"a\",\"state_name\":\"Haryana\","
                + "\"district_name\":\"Rohtak\",\"block_name\":\"b\",\"pincode\":124001,\"lat\":29,\"long\":76,"
                + "\"from\":\"09:00:00\",\"to\":\"17:00:00\",\"fee_type\":\"Free\",\"sessions\":[" + sessionFields + "]}]}";
    }

    private static final String GOOD_SESSION = "{\"session_id\":\"s-good\",\"date\":\"04-05-2021\",\"available_capacity\":7,"
            + "\"available_capacity_dose1\":5,\"available_capacity_dose2\":2,\"min_age_limit\":45,\"vaccine\":\"COVISHIELD\","
            + "\"slots\":[\"09:00AM-11:00AM\"]}";

    @Test
    void parse_preDoseSplitOvernightCenter_keepsTimesAndNullDoses() throws IOException {
        ParsedResponse r = parseFixture("calendarByDistrict_preDoseSplit_overnight.json", Endpoint.CALENDAR_BY_DISTRICT, 192);

        CenterRow c = r.centers().get(0);
        SessionRow s = r.sessions().get(0);
        assertEquals(1, r.centers().size());
        assertEquals(1, r.sessions().size());
        assertEquals(693726L, c.centerId());
        assertEquals("21:30:00", c.fromTime());
        assertEquals("03:30:00", c.toTime());
        assertEquals(Boolean.TRUE, c.isOvernight());
        assertEquals("124514", c.pincode());
        assertEquals(29.0, c.lat());
        assertEquals(192, s.districtId());
        assertNull(s.availableCapacityDose1());
        assertNull(s.availableCapacityDose2());
        assertEquals(List.of(), s.slots());
        assertEquals("18-44", s.ageGroup());
        assertEquals(LocalDate.of(2021, 5, 5), s.sessionDate());
        assertTrue(observed(r, "centers[].sessions[].available_capacity_dose1", SchemaObservation.MISSING_FIELD, ""));
    }

    @Test
    void parse_sessionMissingSeveralExpectedFields_recordsThemInDeclaredOrder() {
        ParsedResponse r = parse(calendar("{\"session_id\":\"s1\",\"date\":\"04-05-2021\",\"available_capacity\":7,"
                + "\"min_age_limit\":45}"));

        // The order of schema_events rows follows this order; it must not change from one JVM to the next.
        assertEquals(List.of("centers[].sessions[].available_capacity_dose1", "centers[].sessions[].available_capacity_dose2",
                "centers[].sessions[].vaccine", "centers[].sessions[].slots"),
                r.observations().stream().map(SchemaObservation::path).toList());
    }

    @Test
    void parse_sessionDates_readOrRejectedAsTheFormatterDoes() {
        String[][] cases = {
                {"04-05-2021", "2021-05-04"}, {"4-5-2021", "2021-05-04"}, {" 04-05-2021 ", "2021-05-04"},
                {"29-02-2024", "2024-02-29"}, {"29-02-2021", null}, {"31-04-2021", null}, {"00-05-2021", null},
                {"04-13-2021", null}, {"04-00-2021", null}, {"0a-05-2021", null}, {"2021-05-04", null}};
        for (String[] c : cases) {
            ParsedResponse r = parse(calendar(GOOD_SESSION.replace("04-05-2021", c[0])));

            if (c[1] != null) {
                assertEquals(LocalDate.parse(c[1]), r.sessions().get(0).sessionDate(), c[0]);
            } else {
                assertEquals(List.of(), r.sessions(), c[0]);
                String shown = c[0].equals("0a-05-2021") ? "(a string of 10 characters)" : c[0];
                assertEquals("date " + shown + " is not dd-MM-yyyy", r.problems().get(0).reason(), c[0]);
                assertEquals("bad_date", r.problems().get(0).kind().code(), c[0]);
            }
        }
    }

    @Test
    void parse_firstOfMay2021_addressNullAndEmptyVaccineKept() throws IOException {
        ParsedResponse r = parseFixture("calendarByPin_noAddress_emptyVaccine.json", Endpoint.CALENDAR_BY_PIN, null);

        assertEquals(2, r.centers().size());
        assertEquals(7, r.sessions().size());
        assertNull(r.centers().get(0).address());
        assertEquals("", r.sessions().get(0).vaccine());
        assertEquals(List.of(4, 3), r.centers().stream().map(CenterRow::sessionsCount).toList());
        assertEquals(6, r.sessions().stream().mapToInt(SessionRow::availableCapacity).sum());
        assertTrue(observed(r, "centers[].address", SchemaObservation.MISSING_FIELD, ""));
        assertEquals(294, r.sessions().get(0).districtId(), "BBMP found by name in the district list");
    }

    @Test
    void parse_doseSplitDay_dosesPresent() throws IOException {
        ParsedResponse r = parseFixture("calendarByDistrict_doseSplit.json", Endpoint.CALENDAR_BY_DISTRICT, 298);

        assertEquals(2, r.sessions().size());
        assertEquals(0, r.sessions().get(0).availableCapacityDose1());
        assertEquals(0, r.sessions().get(0).availableCapacityDose2());
        assertTrue(r.observations().isEmpty(), r.observations().toString());
    }

    @Test
    void parse_paidCenter_feeTakenFromVaccineFeesAsText() throws IOException {
        ParsedResponse r = parseFixture("calendarByDistrict_paidVaccineFees.json", Endpoint.CALENDAR_BY_DISTRICT, 651);

        assertEquals(12, r.sessions().size());
        assertEquals(List.of(new CenterRow.VaccineFee("COVISHIELD", "850")), r.centers().get(0).vaccineFees());
        assertTrue(r.sessions().stream().allMatch(s -> "850".equals(s.fee()) && "Paid".equals(s.feeType())));
        assertEquals(33, r.sessions().stream().mapToInt(SessionRow::availableCapacity).sum());
    }

    @Test
    void parse_july2021AgeFields_nullWhereNotSent() throws IOException {
        ParsedResponse r = parseFixture("calendarByPin_ageFieldsJuly2021_bareArray.json", Endpoint.CALENDAR_BY_PIN, null);

        assertEquals(ParsedResponse.Shape.CENTERS, r.shape());
        assertEquals(2, r.centers().size());
        assertEquals(21, r.sessions().size());
        assertEquals(11, r.sessions().stream().filter(s -> s.maxAgeLimit() != null).count());
        assertEquals(3, r.sessions().stream().filter(s -> s.allowAllAge() != null).count());
        assertEquals(31, r.sessions().stream().mapToInt(SessionRow::availableCapacity).sum());
        assertTrue(r.sessions().stream().filter(s -> s.maxAgeLimit() != null && s.maxAgeLimit() == 44)
                .allMatch(s -> s.ageGroup().equals("18-44")));
    }

    @Test
    void parse_2022Ages12And15_groupedByRuleTable() throws IOException {
        ParsedResponse r = parseFixture("findByPin_ages12and15.json", Endpoint.FIND_BY_PIN, null);

        assertEquals(List.of("15-17", "12-14", "18-44"), r.sessions().stream().map(SessionRow::ageGroup).toList());
        assertEquals("CORBEVAX", r.sessions().get(1).vaccine());
        assertEquals(1, r.centers().size());
        assertEquals(3, r.centers().get(0).sessionsCount());
        assertEquals("0", r.sessions().get(0).fee());
    }

    @Test
    void parse_objectSlots_countedWithSeats() throws IOException {
        ParsedResponse r = parseFixture("findByPin_objectSlots.json", Endpoint.FIND_BY_PIN, null);

        SessionRow s = r.sessions().get(0);
        assertEquals(3, r.sessions().size());
        assertEquals(List.of("09:00AM-11:00AM", "11:00AM-01:00PM", "01:00PM-03:00PM", "03:00PM-06:00PM"), s.slots());
        assertEquals(0, s.slotSeatsTotal());
        assertEquals(299, s.availableCapacity());
        assertEquals(100, s.availableCapacityDose1());
        assertTrue(observed(r, "sessions[].slots[]", SchemaObservation.RETYPED_FIELD, "object"));
    }

    @Test
    void parse_findByDistrictFlatRow_oneCenterOneSession() throws IOException {
        ParsedResponse r = parseFixture("findByDistrict_flatRow.json", Endpoint.FIND_BY_DISTRICT, 97);

        assertEquals(ParsedResponse.Shape.SESSIONS, r.shape());
        assertEquals(661924L, r.centers().get(0).centerId());
        assertEquals("44551190-6c30-4d94-9d04-9ff73e3cecce", r.sessions().get(0).sessionId());
        assertEquals(97, r.sessions().get(0).districtId());
        assertEquals("45+", r.sessions().get(0).ageGroup());
    }

    @Test
    void parse_calendarByCenterObject_oneCenter() {
        ParsedResponse r = parse(calendar(GOOD_SESSION).replace("{\"centers\":[", "{\"centers\":").replaceFirst("]}$", "}"));

        assertEquals(ParsedResponse.Shape.CENTER_OBJECT, r.shape());
        assertEquals(1, r.centers().size());
        assertEquals(1, r.sessions().size());
    }

    @Test
    void parse_retypedFields_convertedAndRecorded() {
        String json = calendar(GOOD_SESSION).replace("\"pincode\":124001", "\"pincode\":\"124001\"")
                .replace("\"lat\":29", "\"lat\":28.89").replace("\"available_capacity\":7", "\"available_capacity\":\"7\"");

        ParsedResponse r = parse(json);

        assertEquals("124001", r.centers().get(0).pincode());
        assertEquals(28.89, r.centers().get(0).lat());
        assertEquals(7, r.sessions().get(0).availableCapacity());
        assertTrue(observed(r, "centers[].pincode", SchemaObservation.RETYPED_FIELD, "string"));
        assertTrue(observed(r, "centers[].sessions[].available_capacity", SchemaObservation.RETYPED_FIELD, "string"));
    }

    @Test
    void parse_unknownField_recordedAndIgnored() {
        ParsedResponse r = parse(calendar(GOOD_SESSION.replace("{\"session_id\"", "{\"walk_in\":true,\"session_id\"")));

        assertEquals(1, r.sessions().size());
        assertTrue(observed(r, "centers[].sessions[].walk_in", SchemaObservation.UNKNOWN_FIELD, "boolean"));
    }

    @Test
    void parse_unknownAgeCombination_readableLabelAndEvent() {
        ParsedResponse r = parse(calendar(GOOD_SESSION.replace("\"min_age_limit\":45", "\"min_age_limit\":44")));

        assertEquals("44+", r.sessions().get(0).ageGroup());
        assertTrue(observed(r, "sessions[].min_age_limit", SchemaObservation.UNKNOWN_VALUE,
                "min_age_limit=44 max_age_limit=null allow_all_age=null"));
    }

    private static long occurrences(ParsedResponse r, String path, String event) {
        return r.observations().stream().filter(o -> o.path().equals(path) && o.event().equals(event))
                .mapToLong(SchemaObservation::occurrences).sum();
    }

    @Test
    void parse_fractionalCapacities_sessionKeptWithFloorFlagAndExactValuesAsSent() {
        String json = calendar(String.join(",",
                GOOD_SESSION.replace("s-good", "s-frac").replace("\"available_capacity\":7", "\"available_capacity\":62.5")
                        .replace("\"available_capacity_dose1\":5", "\"available_capacity_dose1\":12.50")
                        .replace("\"available_capacity_dose2\":2", "\"available_capacity_dose2\":50.00000000000001"),
                GOOD_SESSION.replace("s-good", "s-under-one").replace("\"available_capacity\":7",
                        "\"available_capacity\":0.7000000000000028")));

        ParsedResponse r = parse(json);

        assertEquals(List.of(), r.problems());
        SessionRow frac = r.sessions().get(0);
        SessionRow underOne = r.sessions().get(1);
        assertEquals(List.of(62, 12, 50), List.of(frac.availableCapacity(), frac.availableCapacityDose1(),
                frac.availableCapacityDose2()));
        assertTrue(frac.capacityRounded());
        assertEquals("{\"available_capacity\":62.5,\"available_capacity_dose1\":12.50,"
                + "\"available_capacity_dose2\":50.00000000000001}", frac.capacityAsSent());
        assertEquals(0, underOne.availableCapacity());
        assertEquals(5, underOne.availableCapacityDose1());
        assertTrue(underOne.capacityRounded());
        assertEquals("{\"available_capacity\":0.7000000000000028}", underOne.capacityAsSent());
        assertEquals(2, occurrences(r, "centers[].sessions[].available_capacity", SchemaObservation.FRACTIONAL_VALUE));
        assertEquals(1, occurrences(r, "centers[].sessions[].available_capacity_dose1", SchemaObservation.FRACTIONAL_VALUE));
        assertEquals(1, occurrences(r, "centers[].sessions[].available_capacity_dose2", SchemaObservation.FRACTIONAL_VALUE));
        assertTrue(observed(r, "centers[].sessions[].available_capacity", SchemaObservation.FRACTIONAL_VALUE, ""));
        assertEquals(0, occurrences(r, "centers[].sessions[].available_capacity", SchemaObservation.RETYPED_FIELD));
    }

    @Test
    void parse_wholeCapacities_notRoundedAndNothingAsSent() {
        ParsedResponse r = parse(calendar(GOOD_SESSION + "," + GOOD_SESSION.replace("s-good", "s-float")
                .replace("\"available_capacity\":7", "\"available_capacity\":7.0")));

        assertEquals(List.of(7, 7), r.sessions().stream().map(SessionRow::availableCapacity).toList());
        assertEquals(List.of(false, false), r.sessions().stream().map(SessionRow::capacityRounded).toList());
        assertEquals(java.util.Arrays.asList(null, null), r.sessions().stream().map(SessionRow::capacityAsSent).toList());
        assertTrue(observed(r, "centers[].sessions[].available_capacity", SchemaObservation.RETYPED_FIELD, "float"));
        assertEquals(0, occurrences(r, "centers[].sessions[].available_capacity", SchemaObservation.FRACTIONAL_VALUE));
    }

    @Test
    void parse_flatRowFractionalCapacitySentAsString_keptAndStringKeptAsSent() throws IOException {
        String json = new String(ResponseParserTest.class.getResourceAsStream("/ResponseParserTest/findByDistrict_flatRow.json")
                .readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\"available_capacity\":\\s*[0-9]+",
                        "\"available_capacity\":\"12.5\"");

        ParsedResponse r = PARSER.parse(ctx(Endpoint.FIND_BY_DISTRICT, 97), json.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(), r.problems());
        assertEquals(12, r.sessions().get(0).availableCapacity());
        assertEquals("{\"available_capacity\":\"12.5\"}", r.sessions().get(0).capacityAsSent());
        assertTrue(observed(r, "sessions[].available_capacity", SchemaObservation.RETYPED_FIELD, "string"));
        assertTrue(observed(r, "sessions[].available_capacity", SchemaObservation.FRACTIONAL_VALUE, ""));
    }

    @Test
    void parse_negativeDoseCapacity_keptAsZeroWithValueAsSent() {
        ParsedResponse r = parse(calendar(GOOD_SESSION.replace("\"available_capacity_dose1\":5",
                "\"available_capacity_dose1\":-2")));

        SessionRow s = r.sessions().get(0);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(7, 0, 2), List.of(s.availableCapacity(), s.availableCapacityDose1(), s.availableCapacityDose2()));
        assertFalse(s.capacityRounded());
        assertEquals("{\"available_capacity_dose1\":-2}", s.capacityAsSent());
        assertTrue(observed(r, "centers[].sessions[].available_capacity_dose1", SchemaObservation.NEGATIVE_VALUE, ""));
    }

    @Test
    void parse_negativeFractionalCapacity_heldAsZeroAndRounded() {
        ParsedResponse r = parse(calendar(GOOD_SESSION.replace("\"available_capacity\":7", "\"available_capacity\":-0.5")));

        SessionRow s = r.sessions().get(0);
        assertEquals(0, s.availableCapacity());
        assertTrue(s.capacityRounded());
        assertEquals("{\"available_capacity\":-0.5}", s.capacityAsSent());
    }

    @Test
    void parse_nullsAndStringsWhereNumbersAreExpected_keptWhereTheyMeanSomething() {
        String json = calendar(String.join(",",
                GOOD_SESSION.replace("s-good", "s-age-text").replace("\"min_age_limit\":45", "\"min_age_limit\":\"45\""),
                GOOD_SESSION.replace("s-good", "s-dose-null").replace("\"available_capacity_dose1\":5",
                        "\"available_capacity_dose1\":null"),
                GOOD_SESSION.replace("s-good", "s-capacity-null").replace("\"available_capacity\":7",
                        "\"available_capacity\":null"),
                GOOD_SESSION.replace("s-good", "s-capacity-nan").replace("\"available_capacity\":7",
                        "\"available_capacity\":\"NaN\"")));

        ParsedResponse r = parse(json);

        assertEquals(List.of("s-age-text", "s-dose-null"), r.sessions().stream().map(SessionRow::sessionId).toList());
        assertEquals("45+", r.sessions().get(0).ageGroup());
        assertNull(r.sessions().get(1).availableCapacityDose1());
        assertEquals(List.of("missing_field", "bad_type"), r.problems().stream().map(p -> p.kind().code()).toList());
        assertEquals(List.of("required field centers[].sessions[].available_capacity is missing",
                "centers[].sessions[].available_capacity should be a number but is a string of 3 characters"),
                r.problems().stream().map(RecordProblem::reason).toList());
    }

    private static final String NAME = "Ravi Kumar";
    private static final String MOBILE = "9876543210";

    @Test
    void parse_malformedRecordWithNameAndMobile_rejectSaysWhereAndWhatKindButHoldsNeither() {
        String json = calendar(GOOD_SESSION).replace("\"center_id\":1,\"name\":\"PHC\"",
                "\"name\":\"" + NAME + "\",\"mobile_number\":\"" + MOBILE + "\"");

        ParsedResponse r = parse(json);

        RecordProblem p = r.problems().get(0);
        assertEquals(List.of("centers[0]", "missing_field", "required field centers[].center_id is missing"),
                List.of(p.recordPath(), p.kind().code(), p.reason()));
        assertTrue(p.snippet().startsWith("{\"name\":<string:10>,\"mobile_number\":<string:10>,\"address\":<string:1>,"),
                p.snippet());
        assertFalse(p.snippet().contains("Ravi") || p.snippet().contains(MOBILE), p.snippet());
    }

    @Test
    void parse_truncatedBodyWithNameAndMobile_rejectSaysWhereAndWhatKindButHoldsNeither() {
        String json = "{\"centers\":[{\"name\":\"" + NAME + "\",\"mobile\":" + MOBILE + ",\"sessions\":[";

        ParsedResponse r = parse(json);

        RecordProblem p = r.problems().get(0);
        assertEquals("not_json", p.kind().code());
        assertTrue(p.reason().startsWith("body is not valid JSON: Unexpected end-of-input"), p.reason());
        assertTrue(p.reason().endsWith(" at byte 65"), p.reason());
        assertTrue(p.snippet().startsWith("{\"centers\":[{\"name\":<string:10>,\"mobile\":<"), p.snippet());
        assertTrue(p.snippet().endsWith(",\"sessions\":[<not JSON here>"), p.snippet());
        assertFalse(p.snippet().contains("Ravi") || p.snippet().contains(MOBILE) || p.reason().contains("Ravi"), p.snippet());
    }

    @Test
    void parse_unrecognizedToken_reasonKeepsTheKindButNotTheToken() {
        ParsedResponse r = parse("{\"centers\":[ravi]}");

        RecordProblem p = r.problems().get(0);
        assertTrue(p.reason().startsWith("body is not valid JSON: Unrecognized token <text:4>: was expecting"), p.reason());
        assertTrue(p.reason().endsWith(" at byte 12"), p.reason());
        assertFalse(p.reason().contains("ravi"), p.reason());
        assertEquals("{\"centers\":[<not JSON here>", p.snippet());
    }

    @Test
    void parse_beneficiariesBody_unknownShapeWithKeysAndTypesOnly() {
        String json = "{\"beneficiaries\":[{\"beneficiary_reference_id\":\"12345678901234\",\"name\":\"" + NAME
                + "\",\"birth_year\":\"1980\",\"mobile_number\":\"" + MOBILE + "\"}]}";

        ParsedResponse r = parse(json);

        RecordProblem p = r.problems().get(0);
        assertEquals(List.of("$", "unknown_shape", "body has no centers, sessions, states or districts"),
                List.of(p.recordPath(), p.kind().code(), p.reason()));
        assertEquals("{\"beneficiaries\":[{\"beneficiary_reference_id\":<string:14>,\"name\":<string:10>,"
                + "\"birth_year\":<string:4>,\"mobile_number\":<string:10>}]}", p.snippet());
    }

    @Test
    void parse_badSessionOfAPublicResponse_snippetKeepsPublicValuesAndTypesAroundTheFault() {
        ParsedResponse r = parse(calendar(GOOD_SESSION.replace("\"available_capacity\":7", "\"available_capacity\":\"many\"")));

        assertEquals("{\"session_id\":\"s-good\",\"date\":\"04-05-2021\",\"available_capacity\":<string:4>,"
                + "\"available_capacity_dose1\":5,\"available_capacity_dose2\":2,\"min_age_limit\":45,"
                + "\"vaccine\":\"COVISHIELD\",\"slots\":[\"09:00AM-11:00AM\"]}", r.problems().get(0).snippet());
    }

    @Test
    void parse_htmlBody_isRejectedWhole() {
        ParsedResponse r = parse("<HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD></HTML>");

        assertFalse(r.bodyValid());
        assertEquals("$", r.problems().get(0).recordPath());
        assertEquals("body is HTML, not JSON (a CloudFront block page?)", r.problems().get(0).reason());
        assertEquals("html_body", r.problems().get(0).kind().code());
        assertTrue(r.problems().get(0).snippet().startsWith("<HTML><HEAD><TITLE>ERROR"));
        assertTrue(r.sessions().isEmpty());
    }

    @Test
    void parse_truncatedJson_isRejectedWholeWithNoPartialRows() {
        String json = calendar(GOOD_SESSION + "," + GOOD_SESSION.replace("s-good", "s-2"));

        ParsedResponse r = parse(json.substring(0, json.length() - 40));

        assertFalse(r.bodyValid());
        assertTrue(r.problems().get(0).reason().startsWith("body is not valid JSON: "), r.problems().get(0).reason());
        assertEquals("not_json", r.problems().get(0).kind().code());
        assertTrue(r.sessions().isEmpty());
        assertTrue(r.centers().isEmpty());
    }

    @Test
    void parse_apiErrorBody_isRejectedWithTheApiMessage() {
        ParsedResponse r = parse("{\"errorCode\":\"USRRES0001\",\"error\":\"Input parameter missing\"}");

        assertFalse(r.bodyValid());
        assertEquals("API error USRRES0001: Input parameter missing", r.problems().get(0).reason());
        assertEquals("api_error", r.problems().get(0).kind().code());
    }

    @Test
    void parse_emptyBodyAndEmptyCenters_invalidThenEmpty() {
        ParsedResponse blank = parse("");
        ParsedResponse none = parse("{\"centers\":[]}");

        assertFalse(blank.bodyValid());
        assertEquals("empty body", blank.problems().get(0).reason());
        assertEquals("empty_body", blank.problems().get(0).kind().code());
        assertTrue(none.bodyValid());
        assertEquals(0, none.centers().size());
        assertEquals(0, none.problems().size());
    }

    @Test
    void parse_badSessions_rejectedOneByOneWhileGoodOnesLand() {
        String json = calendar(String.join(",", GOOD_SESSION,
                GOOD_SESSION.replace("s-good", "s-wrongtype").replace("\"available_capacity\":7", "\"available_capacity\":\"many\""),
                GOOD_SESSION.replace("s-good", "s-huge").replace("\"available_capacity\":7", "\"available_capacity\":100001"),
                GOOD_SESSION.replace("s-good", "s-shortdate").replace("04-05-2021", "8-6-21"),
                GOOD_SESSION.replace("\"session_id\":\"s-good\",", ""),
                GOOD_SESSION));

        ParsedResponse r = parse(json);

        assertEquals(List.of("s-good"), r.sessions().stream().map(SessionRow::sessionId).toList());
        assertEquals(1, r.centers().get(0).sessionsCount());
        assertEquals(List.of(
                "centers[].sessions[].available_capacity should be a number but is a string of 4 characters",
                "available_capacity is not a plausible count: 100001",
                "date 8-6-21 is not dd-MM-yyyy",
                "required field centers[].sessions[].session_id is missing",
                "session_id (a string of 6 characters) appears twice in the response (first at centers[0].sessions[0])"),
                r.problems().stream().map(RecordProblem::reason).toList());
        assertEquals(List.of("bad_type", "implausible_value", "bad_date", "missing_field", "duplicate_id"),
                r.problems().stream().map(p -> p.kind().code()).toList());
        assertEquals("centers[0].sessions[1]", r.problems().get(0).recordPath());
    }

    @Test
    void parse_centerWithoutId_rejectedWithItsSessions() {
        ParsedResponse r = parse(calendar(GOOD_SESSION).replace("\"center_id\":1,", ""));

        assertEquals(0, r.centers().size());
        assertEquals(0, r.sessions().size());
        assertEquals("required field centers[].center_id is missing", r.problems().get(0).reason());
        assertEquals("missing_field", r.problems().get(0).kind().code());
        assertEquals("centers[0]", r.problems().get(0).recordPath());
    }

    @Test
    void parse_deeplyNestedJson_rejectedNotCrashed() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        ParsedResponse r = parse("{\"centers\":" + deep + "}");

        assertFalse(r.bodyValid());
        assertTrue(r.problems().get(0).reason().contains("nesting depth"), r.problems().get(0).reason());
        assertEquals("not_json", r.problems().get(0).kind().code());
    }

    @Test
    void parse_invalidUtf8AndNul_rejectedNotCrashed() {
        byte[] body = {'{', '"', 'c', 'e', 'n', 't', 'e', 'r', 's', '"', ':', '[', '"', (byte) 0xC3, (byte) 0x28, 0, '"', ']', '}'};

        ParsedResponse r = PARSER.parse(ctx(Endpoint.CALENDAR_BY_DISTRICT, 1), body);

        assertFalse(r.bodyValid());
        assertTrue(r.problems().get(0).reason().startsWith("body is not valid JSON"), r.problems().get(0).reason());
        assertEquals("not_json", r.problems().get(0).kind().code());
    }

    @Test
    void parse_eachKindOfBadBodyOrRecord_hasItsReasonCode() {
        String body = calendar(GOOD_SESSION);
        String center = body.substring("{\"centers\":[".length(), body.length() - "]}".length());
        String[][] cases = {
                {"42", "$", "unknown_shape"},
                {"{\"ttl\":5}", "$", "unknown_shape"},
                {"{\"centers\":7}", "$", "unknown_shape"},
                {"{\"sessions\":{}}", "$", "unknown_shape"},
                {"[{\"x\":1}]", "$", "unknown_shape"},
                {"{\"centers\":[]} {}", "$", "not_json"},
                {"{\"centers\":[7]}", "centers[0]", "not_an_object"},
                {"{\"sessions\":[7]}", "sessions[0]", "not_an_object"},
                {calendar("7"), "centers[0].sessions[0]", "not_an_object"},
                {calendar(GOOD_SESSION).replace(",\"sessions\":[", ",\"sessions\":{\"a\":[").replaceFirst("]}]}$", "]}}]}"),
                        "centers[0]", "bad_type"},
                {calendar(GOOD_SESSION).replace(",\"sessions\":[" + GOOD_SESSION + "]", ""), "centers[0]", "missing_field"},
                {calendar(GOOD_SESSION.replace("\"s-good\"", "\" \"")), "centers[0].sessions[0]", "empty_id"},
                {calendar(GOOD_SESSION.replace("[\"09:00AM-11:00AM\"]", "[7]")), "centers[0].sessions[0]", "bad_type"},
                {calendar(GOOD_SESSION.replace("[\"09:00AM-11:00AM\"]", "\"09:00AM\"")), "centers[0].sessions[0]", "bad_type"},
                {calendar(GOOD_SESSION.replace("\"available_capacity\":7", "\"available_capacity\":100001")),
                        "centers[0].sessions[0]", "implausible_value"},
                {calendar(GOOD_SESSION.replace("\"min_age_limit\":45", "\"min_age_limit\":4000000000")),
                        "centers[0].sessions[0]", "implausible_value"},
                {calendar(GOOD_SESSION) + "x", "$", "not_json"},
                {calendar(GOOD_SESSION).replace("}]}]}", "}]}," + center.replace("s-good", "s-2") + "]}"), "centers[1]",
                        "duplicate_id"}};
        for (String[] c : cases) {
            ParsedResponse r = parse(c[0]);

            assertEquals(1, r.problems().size(), c[0]);
            assertEquals(List.of(c[1], c[2]), List.of(r.problems().get(0).recordPath(), r.problems().get(0).kind().code()),
                    c[0]);
        }
    }

    @Test
    void parse_districtsAnswer_listsEveryDistrictWithItsName() {
        ParsedResponse r = PARSER.parse(ctx(Endpoint.DISTRICTS, null), ("{\"districts\":[{\"district_id\":301,"
                + "\"district_name\":\"Alappuzha\"},{\"district_id\":307,\"district_name\":\"Ernakulam \"}],\"ttl\":24}")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(ParsedResponse.Shape.DISTRICTS, r.shape());
        assertEquals(List.of(new DistrictRow(301, "Alappuzha"), new DistrictRow(307, "Ernakulam ")), r.districts());
        assertEquals(2, r.listedCount());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void parse_districtWithoutIdOrTwice_isRejectedAndTheRestListed() {
        ParsedResponse r = PARSER.parse(ctx(Endpoint.DISTRICTS, null), ("{\"districts\":[{\"district_name\":\"Nowhere\"},"
                + "{\"district_id\":301,\"district_name\":\"Alappuzha\"},{\"district_id\":301},7]}")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new DistrictRow(301, "Alappuzha")), r.districts());
        assertEquals(List.of("districts[0] missing_field", "districts[2] duplicate_id", "districts[3] not_an_object"),
                r.problems().stream().map(p -> p.recordPath() + " " + p.kind().code()).toList());
        assertEquals(4, r.listedCount());
    }

    @Test
    void parse_bareArrayOfDistricts_listsThem() {
        ParsedResponse r = PARSER.parse(ctx(Endpoint.DISTRICTS, null),
                "[{\"district_id\":301,\"district_name\":\"Alappuzha\"},{\"district_name\":\"x\"}]".getBytes(StandardCharsets.UTF_8));

        assertEquals(ParsedResponse.Shape.DISTRICTS, r.shape());
        assertEquals(List.of(new DistrictRow(301, "Alappuzha")), r.districts());
        assertEquals(List.of("[1] missing_field"), r.problems().stream().map(p -> p.recordPath() + " " + p.kind().code()).toList());
    }

    @Test
    void parse_statesAnswer_listsNoDistricts() {
        ParsedResponse r = PARSER.parse(ctx(Endpoint.STATES, null),
                "{\"states\":[{\"state_id\":17,\"state_name\":\"Kerala\"}],\"ttl\":24}".getBytes(StandardCharsets.UTF_8));

        assertEquals(ParsedResponse.Shape.STATES, r.shape());
        assertEquals(1, r.listedCount());
        assertEquals(List.of(), r.districts());
    }
}
