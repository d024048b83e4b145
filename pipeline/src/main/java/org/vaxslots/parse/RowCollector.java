package org.vaxslots.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.model.SessionRow;

/**
 * Turns the centers and session rows of one response into table rows. A bad center or session
 * becomes a {@link RecordProblem} and the rest of the response still lands.
 */
final class RowCollector {
    static final Set<String> CENTER_FIELDS = Set.of("center_id", "name", "name_l", "address", "address_l",
            "state_name", "state_name_l", "district_name", "district_name_l", "block_name", "block_name_l",
            "pincode", "lat", "long", "from", "to", "fee_type", "vaccine_fees", "sessions");
    /*
     * The EXPECTED sets are iterated to record missing fields, in the order the schema_events rows
     * are then written: they keep the order written here. (Set.of iterates in an order that changes
     * from one JVM to the next, which made a rebuild write schema_events in another row order.)
     */
    static final Set<String> CENTER_EXPECTED = ordered("address", "block_name", "pincode", "lat", "long",
            "from", "to", "fee_type");
    static final Set<String> SESSION_FIELDS = Set.of("session_id", "date", "available_capacity",
            "available_capacity_dose1", "available_capacity_dose2", "min_age_limit", "max_age_limit",
            "allow_all_age", "vaccine", "slots");
    static final Set<String> SESSION_EXPECTED = ordered("available_capacity_dose1", "available_capacity_dose2",
            "vaccine", "slots");
    static final Set<String> FLAT_FIELDS = union(CENTER_FIELDS, SESSION_FIELDS, Set.of("fee"));
    static final Set<String> FLAT_EXPECTED = union(CENTER_EXPECTED, SESSION_EXPECTED, ordered("fee"));

    private final FetchContext context;
    private final AgeGroups ageGroups;
    private final DistrictDirectory districts;
    private final SchemaObserver observer;
    private final Map<Long, CenterRow> centers = new LinkedHashMap<>();
    private final List<SessionRow> sessions = new ArrayList<>();
    private final List<RecordProblem> problems = new ArrayList<>();
    private final Map<String, String> sessionPaths = new HashMap<>();
    private final List<DistrictRow> listedDistricts = new ArrayList<>();
    private final Set<Integer> listedIds = new HashSet<>();
    private int listed;
    private RejectReason invalidKind;
    private String invalidReason;

    RowCollector(FetchContext context, AgeGroups ageGroups, DistrictDirectory districts, SchemaObserver observer) {
        this.context = context;
        this.ageGroups = ageGroups;
        this.districts = districts;
        this.observer = observer;
    }

    void calendarCenter(JsonNode node, String recordPath) {
        if (!node.isObject()) {
            problem(recordPath, RejectReason.NOT_AN_OBJECT, "center is not a JSON object", node);
            return;
        }
        JsonFields f = new JsonFields(node, "centers[].", observer);
        f.checkFields(CENTER_FIELDS, CENTER_EXPECTED);
        CenterRow center;
        JsonNode sessionNodes;
        try {
            center = center(f);
            if (centers.containsKey(center.centerId())) {
                throw new BadRecordException(RejectReason.DUPLICATE_ID,
                        "center_id " + center.centerId() + " appears twice in the response");
            }
            sessionNodes = f.get("sessions");
            if (sessionNodes == null || !sessionNodes.isArray()) {
                throw new BadRecordException(sessionNodes == null ? RejectReason.MISSING_FIELD : RejectReason.BAD_TYPE,
                        "centers[].sessions is " + (sessionNodes == null ? "missing" : "not an array"));
            }
        } catch (BadRecordException e) {
            problem(recordPath, e.kind(), e.getMessage(), node);
            return;
        }
        int accepted = 0;
        for (int i = 0; i < sessionNodes.size(); i++) {
            JsonNode s = sessionNodes.get(i);
            String sessionPath = recordPath + ".sessions[" + i + "]";
            try {
                if (!s.isObject()) {
                    throw new BadRecordException(RejectReason.NOT_AN_OBJECT, "session is not a JSON object");
                }
                JsonFields sf = new JsonFields(s, "centers[].sessions[].", observer);
                sf.checkFields(SESSION_FIELDS, SESSION_EXPECTED);
                addSession(session(sf, center, feeFor(center, sf.text("vaccine"))), sessionPath);
                accepted++;
            } catch (BadRecordException e) {
                problem(sessionPath, e.kind(), e.getMessage(), s);
            }
        }
        centers.put(center.centerId(), center.withSessionsCount(accepted));
    }

    /** A findBy* row: center fields and session fields side by side; the center repeats per session. */
    void flatSession(JsonNode node, String recordPath) {
        try {
            if (!node.isObject()) {
                throw new BadRecordException(RejectReason.NOT_AN_OBJECT, "session row is not a JSON object");
            }
            JsonFields f = new JsonFields(node, "sessions[].", observer);
            f.checkFields(FLAT_FIELDS, FLAT_EXPECTED);
            CenterRow center = center(f);
            addSession(session(f, center, f.text("fee")), recordPath);
            CenterRow seen = centers.get(center.centerId());
            centers.put(center.centerId(), (seen == null ? center : seen).withSessionsCount(
                    seen == null ? 1 : seen.sessionsCount() + 1));
        } catch (BadRecordException e) {
            problem(recordPath, e.kind(), e.getMessage(), node);
        }
    }

    void countListed(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            listed++;
        }
    }

    void countOne() {
        listed++;
    }

    /** The elements of a districts answer's array, each a district or, without a district_id, a problem. */
    void listDistricts(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            listedDistrict(p.readValueAsTree(), "districts[" + i++ + "]");
        }
    }

    /** One element of a districts answer: kept when it has a district_id, once per id. */
    void listedDistrict(JsonNode node, String recordPath) {
        listed++;
        try {
            if (!node.isObject()) {
                throw new BadRecordException(RejectReason.NOT_AN_OBJECT, "district is not a JSON object");
            }
            JsonFields f = new JsonFields(node, "districts[].", observer);
            int districtId = f.requiredInt("district_id");
            if (!listedIds.add(districtId)) {
                throw new BadRecordException(RejectReason.DUPLICATE_ID,
                        "district_id " + districtId + " appears twice in the response");
            }
            listedDistricts.add(new DistrictRow(districtId, f.text("district_name")));
        } catch (BadRecordException e) {
            problem(recordPath, e.kind(), e.getMessage(), node);
        }
    }

    void observe(String path, String event, String detail) {
        observer.record(path, event, detail);
    }

    void failWith(RejectReason kind, String reason) {
        invalidKind = kind;
        invalidReason = reason;
    }

    RejectReason invalidKind() {
        return invalidKind;
    }

    String invalidReason() {
        return invalidReason;
    }

    ParsedResponse result(ParsedResponse.Shape shape) {
        return new ParsedResponse(shape, true, List.copyOf(centers.values()), List.copyOf(sessions),
                List.copyOf(problems), observer.observations(), listed, List.copyOf(listedDistricts));
    }

    private CenterRow center(JsonFields f) throws BadRecordException {
        long centerId = f.requiredLong("center_id");
        String stateName = f.requiredText("state_name");
        String districtName = f.requiredText("district_name");
        return centerRow(centerId, f.requiredText("name"), f.text("address"), stateName, districtName,
                f.text("block_name"), f.numberAsText("pincode"), f.doubleValue("lat"), f.doubleValue("long"),
                f.text("from"), f.text("to"), f.text("fee_type"), vaccineFees(f.get("vaccine_fees")));
    }

    /** A center's row from its fields as read, with no sessions counted yet; the district id is resolved here. */
    CenterRow centerRow(long centerId, String name, String address, String stateName, String districtName,
            String blockName, String pincode, Double lat, Double lon, String from, String to, String feeType,
            List<CenterRow.VaccineFee> vaccineFees) {
        return new CenterRow(centerId, name, address, stateName, districtName, districtId(stateName, districtName),
                blockName, pincode, lat, lon, from, to, feeType, vaccineFees, 0);
    }

    boolean hasCenter(long centerId) {
        return centers.containsKey(centerId);
    }

    /** Keeps a center, its sessions counted, in the order first seen. */
    void putCenter(CenterRow center) {
        centers.put(center.centerId(), center);
    }

    private Integer districtId(String stateName, String districtName) {
        Endpoint e = context.endpoint();
        if ((e == Endpoint.CALENDAR_BY_DISTRICT || e == Endpoint.FIND_BY_DISTRICT) && context.districtId() != null) {
            return context.districtId();
        }
        return districts.idOf(stateName, districtName).orElse(null);
    }

    private List<CenterRow.VaccineFee> vaccineFees(JsonNode fees) throws BadRecordException {
        if (fees == null) {
            return null;
        }
        if (!fees.isArray()) {
            throw new BadRecordException(RejectReason.BAD_TYPE, "centers[].vaccine_fees is not an array");
        }
        List<CenterRow.VaccineFee> out = new ArrayList<>();
        for (JsonNode fee : fees) {
            JsonFields ff = new JsonFields(fee, "centers[].vaccine_fees[].", observer);
            out.add(new CenterRow.VaccineFee(ff.text("vaccine"), ff.text("fee")));
        }
        return out;
    }

    static String feeFor(CenterRow center, String vaccine) {
        if (center.vaccineFees() == null || vaccine == null) {
            return null;
        }
        return center.vaccineFees().stream().filter(v -> vaccine.equals(v.vaccine()))
                .map(CenterRow.VaccineFee::fee).findFirst().orElse(null);
    }

    private SessionRow session(JsonFields f, CenterRow center, String fee) throws BadRecordException {
        String sessionId = f.requiredText("session_id");
        if (sessionId.isBlank()) {
            throw new BadRecordException(RejectReason.EMPTY_ID, "session_id is empty");
        }
        LocalDate date = SessionDates.parse(f.requiredText("date"));
        Capacities capacities = Capacities.read(f);
        int minAge = f.requiredInt("min_age_limit");
        Integer maxAge = f.intValue("max_age_limit");
        Boolean allowAllAge = f.booleanValue("allow_all_age");
        String ageGroup = ageGroup(minAge, maxAge, allowAllAge, date);
        Slots slots = Slots.read(f.get("slots"), observer);
        return sessionRow(center, sessionId, date, f.text("vaccine"), minAge, maxAge, allowAllAge, ageGroup,
                capacities, fee, slots);
    }

    /** The age group of a session; a combination no rule covers is recorded and keeps a readable label. */
    String ageGroup(int minAge, Integer maxAge, Boolean allowAllAge, LocalDate date) {
        return ageGroups.classify(minAge, maxAge, allowAllAge, date).orElseGet(() -> {
            observer.record("sessions[].min_age_limit", SchemaObservation.UNKNOWN_VALUE,
                    "min_age_limit=" + minAge + " max_age_limit=" + maxAge + " allow_all_age=" + allowAllAge);
            return AgeGroups.fallbackLabel(minAge, maxAge);
        });
    }

    /** A session's row from its fields as read; the center's fields are repeated on it. */
    static SessionRow sessionRow(CenterRow center, String sessionId, LocalDate date, String vaccine, int minAge,
            Integer maxAge, Boolean allowAllAge, String ageGroup, Capacities capacities, String fee, Slots slots) {
        return new SessionRow(sessionId, center.centerId(), center.stateName(), center.districtName(),
                center.districtId(), center.blockName(), center.pincode(), date, vaccine, minAge, maxAge,
                allowAllAge, ageGroup, capacities.available(), capacities.dose1(), capacities.dose2(), center.feeType(), fee,
                slots.times(), slots.seats(), capacities.rounded(), capacities.asSent());
    }

    /** Keeps a session whose id is new in this response; false (and nothing kept) when it is not. */
    boolean addNewSession(SessionRow row) {
        if (sessionPaths.putIfAbsent(row.sessionId(), "") != null) {
            return false;
        }
        sessions.add(row);
        return true;
    }

    /** Records a field of {@code expected} the object at {@code path} did not have. */
    void missingField(String path, String name) {
        observer.missingField(path + name);
    }

    private void addSession(SessionRow row, String path) throws BadRecordException {
        String first = sessionPaths.putIfAbsent(row.sessionId(), path);
        if (first != null) {
            throw new BadRecordException(RejectReason.DUPLICATE_ID, "session_id " + RejectSnippets.idText(row.sessionId())
                    + " appears twice in the response (first at "
                    + first + ")");
        }
        sessions.add(row);
    }

    private void problem(String path, RejectReason kind, String reason, JsonNode node) {
        problems.add(new RecordProblem(path, kind, reason, RejectSnippets.record(node, path)));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        all.remove("sessions");
        all.remove("vaccine_fees");
        return Collections.unmodifiableSet(all);
    }

    private static Set<String> ordered(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }
}
