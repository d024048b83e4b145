package org.vaxslots.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SessionRow;

/**
 * The common case of a calendar answer, read straight from the token stream with no tree built:
 * centers and their sessions with the fields, and the JSON types, Co-WIN sent in 2021-22. A body
 * with anything else (an unknown field, a value of another type, a duplicate key or id, a value a
 * rule would reject, content that is not JSON) is not read here: {@link #read} returns null at the
 * first such token and {@link ResponseParser} reads the whole body again the general way. So a
 * result of this class is always the one the general reading gives, row for row and observation
 * for observation ({@code CleanCentersTest} compares the two on every body the tests have); the
 * rows are built by {@link RowCollector}, as there.
 *
 * <p>What it saves, per session: the tree of nodes and their maps, the duplicate-key sets (a key
 * seen twice is caught by the bit masks instead), a lookup per field, and a fresh string for each
 * slot, vaccine, date and center name that repeats the one before it.
 */
final class CleanCenters {
    /** Thrown, without a stack trace, at the first token this class does not read. */
    private static final class NotClean extends Exception {
        private static final NotClean INSTANCE = new NotClean();

        private NotClean() {
            super("not a clean calendar answer", null, false, false);
        }
    }

    private static final NotClean NOT_CLEAN = NotClean.INSTANCE;

    private static final String CENTER_PATH = "centers[].";
    private static final String SESSION_PATH = "centers[].sessions[].";

    private final JsonFactory factory;
    private final AgeGroups ageGroups;
    private final DistrictDirectory districts;

    /** {@code factory}: the general reading's limits, without duplicate-key detection. */
    CleanCenters(JsonFactory factory, AgeGroups ageGroups, DistrictDirectory districts) {
        this.factory = factory;
        this.ageGroups = ageGroups;
        this.districts = districts;
    }

    /** The response, or null when the body is not a clean calendar answer. */
    ParsedResponse read(FetchContext context, byte[] body) {
        RowCollector rows = new RowCollector(context, ageGroups, districts, new SchemaObserver());
        try (JsonParser p = factory.createParser(body)) {
            Reader reader = new Reader(p, rows);
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                if (!"centers".equals(p.nextFieldName()) || p.nextToken() != JsonToken.START_ARRAY) {
                    return null;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    reader.center();
                }
                if (p.nextToken() != JsonToken.END_OBJECT) {
                    return null;
                }
            } else if (first == JsonToken.START_ARRAY) {
                // An archive that kept only the array of centers; an empty one is not a calendar answer.
                if (p.nextToken() == JsonToken.END_ARRAY) {
                    return null;
                }
                do {
                    reader.center();
                } while (p.nextToken() != JsonToken.END_ARRAY);
            } else {
                return null;
            }
            if (p.nextToken() != null) {
                return null;
            }
            return rows.result(ParsedResponse.Shape.CENTERS);
        } catch (NotClean | BadRecordException | IOException e) {
            return null;
        }
    }

    /** One session's fields as read, kept until its center's own fields are all read. */
    private static final class SessionFields {
        int seen;
        String sessionId;
        LocalDate date;
        int available;
        Integer dose1;
        Integer dose2;
        Integer minAge;
        Integer maxAge;
        Boolean allowAllAge;
        String vaccine;
        List<String> slots;

        void clear() {
            seen = 0;
            sessionId = null;
            date = null;
            available = -1;
            dose1 = null;
            dose2 = null;
            minAge = null;
            maxAge = null;
            allowAllAge = null;
            vaccine = null;
            slots = null;
        }
    }

    // Bits of the fields seen in one center or session, to catch a key sent twice.
    private static final int C_ID = 1, C_NAME = 1 << 1, C_ADDRESS = 1 << 2, C_STATE = 1 << 3, C_DISTRICT = 1 << 4,
            C_BLOCK = 1 << 5, C_PINCODE = 1 << 6, C_LAT = 1 << 7, C_LONG = 1 << 8, C_FROM = 1 << 9, C_TO = 1 << 10,
            C_FEE_TYPE = 1 << 11, C_FEES = 1 << 12, C_SESSIONS = 1 << 13, C_NAME_L = 1 << 14, C_ADDRESS_L = 1 << 15,
            C_STATE_L = 1 << 16, C_DISTRICT_L = 1 << 17, C_BLOCK_L = 1 << 18;
    private static final int S_ID = 1, S_DATE = 1 << 1, S_AVAILABLE = 1 << 2, S_DOSE1 = 1 << 3, S_DOSE2 = 1 << 4,
            S_MIN_AGE = 1 << 5, S_MAX_AGE = 1 << 6, S_ALL_AGE = 1 << 7, S_VACCINE = 1 << 8, S_SLOTS = 1 << 9;

    /** Reads the centers of one body into {@code rows}. */
    private static final class Reader {
        private final JsonParser p;
        private final RowCollector rows;
        private final List<SessionFields> sessions = new ArrayList<>();
        private int sessionCount;
        // The last value of each repeating text, reused when the next is the same text.
        private String lastState;
        private String lastDistrict;
        private String lastBlock;
        private String lastFeeType;
        private String lastFrom;
        private String lastTo;
        private String lastVaccine;
        private String lastDateText;
        private LocalDate lastDate;
        private String[] lastSlots = new String[8];

        Reader(JsonParser p, RowCollector rows) {
            this.p = p;
            this.rows = rows;
        }

        /** One center, the parser at its first token; observations in the general reading's order. */
        void center() throws IOException, NotClean, BadRecordException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw NOT_CLEAN;
            }
            int seen = 0;
            long centerId = 0;
            String name = null;
            String address = null;
            String state = null;
            String district = null;
            String block = null;
            String pincode = null;
            Double lat = null;
            Double lon = null;
            String from = null;
            String to = null;
            String feeType = null;
            List<CenterRow.VaccineFee> fees = null;
            sessionCount = 0;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                int bit;
                switch (field) {
                    case "center_id" -> {
                        bit = C_ID;
                        centerId = whole(t);
                    }
                    case "name" -> {
                        bit = C_NAME;
                        name = requiredText(t, null);
                    }
                    case "address" -> {
                        bit = C_ADDRESS;
                        address = text(t, null);
                    }
                    case "state_name" -> {
                        bit = C_STATE;
                        state = lastState = requiredText(t, lastState);
                    }
                    case "district_name" -> {
                        bit = C_DISTRICT;
                        district = lastDistrict = requiredText(t, lastDistrict);
                    }
                    case "block_name" -> {
                        bit = C_BLOCK;
                        block = lastBlock = text(t, lastBlock);
                    }
                    case "pincode" -> {
                        bit = C_PINCODE;
                        pincode = wholeAsText(t);
                    }
                    case "lat" -> {
                        bit = C_LAT;
                        lat = number(t);
                    }
                    case "long" -> {
                        bit = C_LONG;
                        lon = number(t);
                    }
                    case "from" -> {
                        bit = C_FROM;
                        from = lastFrom = text(t, lastFrom);
                    }
                    case "to" -> {
                        bit = C_TO;
                        to = lastTo = text(t, lastTo);
                    }
                    case "fee_type" -> {
                        bit = C_FEE_TYPE;
                        feeType = lastFeeType = text(t, lastFeeType);
                    }
                    case "vaccine_fees" -> {
                        bit = C_FEES;
                        fees = vaccineFees(t);
                    }
                    case "sessions" -> {
                        bit = C_SESSIONS;
                        sessions(t);
                    }
                    case "name_l" -> bit = scalar(t, C_NAME_L);
                    case "address_l" -> bit = scalar(t, C_ADDRESS_L);
                    case "state_name_l" -> bit = scalar(t, C_STATE_L);
                    case "district_name_l" -> bit = scalar(t, C_DISTRICT_L);
                    case "block_name_l" -> bit = scalar(t, C_BLOCK_L);
                    default -> throw NOT_CLEAN;
                }
                if ((seen & bit) != 0) {
                    throw NOT_CLEAN;
                }
                seen |= bit;
            }
            // The order of RowCollector.CENTER_EXPECTED.
            missing(seen, C_ADDRESS, CENTER_PATH, "address");
            missing(seen, C_BLOCK, CENTER_PATH, "block_name");
            missing(seen, C_PINCODE, CENTER_PATH, "pincode");
            missing(seen, C_LAT, CENTER_PATH, "lat");
            missing(seen, C_LONG, CENTER_PATH, "long");
            missing(seen, C_FROM, CENTER_PATH, "from");
            missing(seen, C_TO, CENTER_PATH, "to");
            missing(seen, C_FEE_TYPE, CENTER_PATH, "fee_type");
            int required = C_ID | C_NAME | C_STATE | C_DISTRICT | C_SESSIONS;
            if ((seen & required) != required || rows.hasCenter(centerId)) {
                throw NOT_CLEAN;
            }
            CenterRow center = rows.centerRow(centerId, name, address, state, district, block, pincode, lat, lon,
                    from, to, feeType, fees);
            for (int i = 0; i < sessionCount; i++) {
                session(center, sessions.get(i));
            }
            rows.putCenter(center.withSessionsCount(sessionCount));
        }

        private void session(CenterRow center, SessionFields s) throws NotClean {
            // The order of RowCollector.SESSION_EXPECTED.
            missing(s.seen, S_DOSE1, SESSION_PATH, "available_capacity_dose1");
            missing(s.seen, S_DOSE2, SESSION_PATH, "available_capacity_dose2");
            missing(s.seen, S_VACCINE, SESSION_PATH, "vaccine");
            missing(s.seen, S_SLOTS, SESSION_PATH, "slots");
            int required = S_ID | S_DATE | S_AVAILABLE | S_MIN_AGE;
            if ((s.seen & required) != required || s.sessionId.isBlank()) {
                throw NOT_CLEAN;
            }
            int minAge = s.minAge;
            String ageGroup = rows.ageGroup(minAge, s.maxAge, s.allowAllAge, s.date);
            Slots slots = new Slots(s.slots == null ? List.of() : List.copyOf(s.slots), null);
            SessionRow row = RowCollector.sessionRow(center, s.sessionId, s.date, s.vaccine, minAge, s.maxAge,
                    s.allowAllAge, ageGroup, new Capacities(s.available, s.dose1, s.dose2, false, null),
                    RowCollector.feeFor(center, s.vaccine), slots);
            if (!rows.addNewSession(row)) {
                throw NOT_CLEAN;
            }
        }

        private void missing(int seen, int bit, String path, String name) {
            if ((seen & bit) == 0) {
                rows.missingField(path, name);
            }
        }

        private void sessions(JsonToken t) throws IOException, NotClean, BadRecordException {
            if (t != JsonToken.START_ARRAY) {
                throw NOT_CLEAN;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw NOT_CLEAN;
                }
                if (sessionCount == sessions.size()) {
                    sessions.add(new SessionFields());
                }
                SessionFields s = sessions.get(sessionCount++);
                s.clear();
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    int bit;
                    switch (field) {
                        case "session_id" -> {
                            bit = S_ID;
                            s.sessionId = requiredText(v, null);
                        }
                        case "date" -> {
                            bit = S_DATE;
                            s.date = date(v);
                        }
                        case "available_capacity" -> {
                            bit = S_AVAILABLE;
                            s.available = count(v);
                        }
                        case "available_capacity_dose1" -> {
                            bit = S_DOSE1;
                            s.dose1 = v == JsonToken.VALUE_NULL ? null : count(v);
                        }
                        case "available_capacity_dose2" -> {
                            bit = S_DOSE2;
                            s.dose2 = v == JsonToken.VALUE_NULL ? null : count(v);
                        }
                        case "min_age_limit" -> {
                            bit = S_MIN_AGE;
                            s.minAge = smallWhole(v);
                            if (s.minAge == null) {
                                throw NOT_CLEAN;
                            }
                        }
                        case "max_age_limit" -> {
                            bit = S_MAX_AGE;
                            s.maxAge = smallWhole(v);
                        }
                        case "allow_all_age" -> {
                            bit = S_ALL_AGE;
                            s.allowAllAge = bool(v);
                        }
                        case "vaccine" -> {
                            bit = S_VACCINE;
                            s.vaccine = lastVaccine = text(v, lastVaccine);
                        }
                        case "slots" -> {
                            bit = S_SLOTS;
                            s.slots = slots(v);
                        }
                        default -> throw NOT_CLEAN;
                    }
                    if ((s.seen & bit) != 0) {
                        throw NOT_CLEAN;
                    }
                    s.seen |= bit;
                }
            }
        }

        private List<String> slots(JsonToken t) throws IOException, NotClean {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.START_ARRAY) {
                throw NOT_CLEAN;
            }
            List<String> times = new ArrayList<>(4);
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (i == lastSlots.length) {
                    lastSlots = java.util.Arrays.copyOf(lastSlots, i * 2);
                }
                String time = requiredText(p.currentToken(), lastSlots[i]);
                lastSlots[i++] = time;
                times.add(time);
            }
            return times;
        }

        private List<CenterRow.VaccineFee> vaccineFees(JsonToken t) throws IOException, NotClean {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.START_ARRAY) {
                throw NOT_CLEAN;
            }
            List<CenterRow.VaccineFee> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw NOT_CLEAN;
                }
                String vaccine = null;
                String fee = null;
                int seen = 0;
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    int bit;
                    switch (field) {
                        case "vaccine" -> {
                            bit = 1;
                            vaccine = text(v, null);
                        }
                        case "fee" -> {
                            bit = 2;
                            fee = text(v, null);
                        }
                        default -> throw NOT_CLEAN;
                    }
                    if ((seen & bit) != 0) {
                        throw NOT_CLEAN;
                    }
                    seen |= bit;
                }
                out.add(new CenterRow.VaccineFee(vaccine, fee));
            }
            return out;
        }

        private LocalDate date(JsonToken t) throws IOException, NotClean, BadRecordException {
            String text = requiredText(t, lastDateText);
            if (text != lastDateText) {
                lastDate = SessionDates.parse(text);
                lastDateText = text;
            }
            return lastDate;
        }

        /** A string, as {@code previous} when it is the same text; JSON null reads as null. */
        private String text(JsonToken t, String previous) throws IOException, NotClean {
            return t == JsonToken.VALUE_NULL ? null : requiredText(t, previous);
        }

        private String requiredText(JsonToken t, String previous) throws IOException, NotClean {
            if (t != JsonToken.VALUE_STRING) {
                throw NOT_CLEAN;
            }
            if (previous != null && sameText(previous)) {
                return previous;
            }
            return p.getText();
        }

        private boolean sameText(String previous) throws IOException {
            int length = p.getTextLength();
            if (length != previous.length()) {
                return false;
            }
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            for (int i = 0; i < length; i++) {
                if (chars[offset + i] != previous.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** A whole number that fits a long (center_id). */
        private long whole(JsonToken t) throws IOException, NotClean {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw NOT_CLEAN;
            }
            return p.getLongValue();
        }

        /** A whole number that fits an int, or null for JSON null (ages). */
        private Integer smallWhole(JsonToken t) throws IOException, NotClean {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw NOT_CLEAN;
            }
            return p.getIntValue();
        }

        /** A whole number as its text (pincode), as the general reading writes a JSON integer. */
        private String wholeAsText(JsonToken t) throws IOException, NotClean {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw NOT_CLEAN;
            }
            return switch (p.getNumberType()) {
                case INT -> Integer.toString(p.getIntValue());
                case LONG -> Long.toString(p.getLongValue());
                default -> throw NOT_CLEAN;
            };
        }

        /** A coordinate: a whole number, or a decimal read exactly and then rounded, as the tree reads it. */
        private Double number(JsonToken t) throws IOException, NotClean {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDecimalValue().doubleValue();
            }
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw NOT_CLEAN;
            }
            return switch (p.getNumberType()) {
                case INT -> (double) p.getIntValue();
                case LONG -> (double) p.getLongValue();
                default -> throw NOT_CLEAN;
            };
        }

        /** A capacity as a plain count: whole, not negative, plausible ({@link Capacities} reads the rest). */
        private int count(JsonToken t) throws IOException, NotClean {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw NOT_CLEAN;
            }
            int v = p.getIntValue();
            if (v < 0 || v > Capacities.MAX_CAPACITY) {
                throw NOT_CLEAN;
            }
            return v;
        }

        private Boolean bool(JsonToken t) throws NotClean {
            return switch (t) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw NOT_CLEAN;
            };
        }

        /** A field whose value is not used: any scalar, skipped unread. */
        private static int scalar(JsonToken t, int bit) throws NotClean {
            if (!t.isScalarValue()) {
                throw NOT_CLEAN;
            }
            return bit;
        }
    }
}
