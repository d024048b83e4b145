package org.vaxslots.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.RejectRow;
import org.vaxslots.model.SessionRow;

/**
 * Model values to Avro records of the table schemas. Centers and sessions are filled by position,
 * in the order {@link #CENTER_COLUMNS} and {@link #SESSION_COLUMNS} name, which are checked against
 * the .avsc when the class loads; other tables by name, which fails on a field the .avsc does not
 * have. {@link #checked} fails on a required field left unset, so the code cannot drift from
 * data-schema/ unnoticed.
 *
 * <p>An instance serves one writer thread: strings that repeat from row to row (names of places,
 * vaccines, slot times) are handed to Parquet as {@link Utf8} encoded once, which parquet-avro
 * writes without encoding them again; the bytes written are the same as for a {@code String}.
 */
public final class TableRows {
    static final List<String> CENTER_COLUMNS = List.of("sweep_id", "fetch_id", "as_of_at", "endpoint", "center_id",
            "name", "address", "state_name", "district_name", "district_id", "block_name", "pincode", "lat", "long",
            "from_time", "to_time", "is_overnight", "fee_type", "vaccine_fees", "sessions_count");
    static final List<String> SESSION_COLUMNS = List.of("sweep_id", "fetch_id", "as_of_at", "endpoint",
            "session_id", "center_id", "state_name", "district_name", "district_id", "block_name", "pincode",
            "session_date", "vaccine", "min_age_limit", "max_age_limit", "allow_all_age", "age_group",
            "available_capacity", "available_capacity_dose1", "available_capacity_dose2", "fee_type", "fee",
            "slot_count", "slots", "slot_seats_total", "is_capacity_rounded", "capacity_as_sent");

    private static final Schema CENTERS = columnsInOrder(Table.CENTERS, CENTER_COLUMNS);
    private static final Schema SESSIONS = columnsInOrder(Table.SESSIONS, SESSION_COLUMNS);
    private static final Schema VACCINE_FEE =
            CENTERS.getField("vaccine_fees").schema().getTypes().get(1).getElementType();
    private static final Map<Schema, int[]> REQUIRED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Bounds the string cache: a sweep's distinct repeated strings are a few thousand. */
    private static final int MAX_CACHED = 16_384;

    private final Map<String, Utf8> utf8 = new HashMap<>();

    public TableRows() {}

    public GenericRecord center(FetchContext ctx, CenterRow c) {
        GenericData.Record r = new GenericData.Record(CENTERS);
        int i = context(r, ctx);
        r.put(i++, c.centerId());
        r.put(i++, c.name());
        r.put(i++, c.address());
        r.put(i++, utf8(c.stateName()));
        r.put(i++, utf8(c.districtName()));
        r.put(i++, c.districtId());
        r.put(i++, utf8(c.blockName()));
        r.put(i++, utf8(c.pincode()));
        r.put(i++, c.lat());
        r.put(i++, c.lon());
        r.put(i++, utf8(c.fromTime()));
        r.put(i++, utf8(c.toTime()));
        r.put(i++, c.isOvernight());
        r.put(i++, utf8(c.feeType()));
        r.put(i++, vaccineFees(c.vaccineFees()));
        r.put(i, c.sessionsCount());
        return checked(r);
    }

    public GenericRecord session(FetchContext ctx, SessionRow s) {
        GenericData.Record r = new GenericData.Record(SESSIONS);
        int i = context(r, ctx);
        r.put(i++, s.sessionId());
        r.put(i++, s.centerId());
        r.put(i++, utf8(s.stateName()));
        r.put(i++, utf8(s.districtName()));
        r.put(i++, s.districtId());
        r.put(i++, utf8(s.blockName()));
        r.put(i++, utf8(s.pincode()));
        r.put(i++, date(s.sessionDate()));
        r.put(i++, utf8(s.vaccine()));
        r.put(i++, s.minAgeLimit());
        r.put(i++, s.maxAgeLimit());
        r.put(i++, s.allowAllAge());
        r.put(i++, utf8(s.ageGroup()));
        r.put(i++, s.availableCapacity());
        r.put(i++, s.availableCapacityDose1());
        r.put(i++, s.availableCapacityDose2());
        r.put(i++, utf8(s.feeType()));
        r.put(i++, utf8(s.fee()));
        r.put(i++, s.slots().size());
        r.put(i++, slots(s.slots()));
        r.put(i++, s.slotSeatsTotal());
        r.put(i++, s.capacityRounded());
        r.put(i, s.capacityAsSent());
        return checked(r);
    }

    public static GenericRecord reject(String sweepId, RejectRow x) {
        GenericRecord r = new GenericData.Record(Table.REJECTS.schema());
        r.put("sweep_id", sweepId);
        r.put("source", x.source());
        r.put("offset", x.offset());
        r.put("fetch_id", x.fetchId());
        r.put("endpoint", x.endpoint());
        r.put("record_path", x.recordPath());
        r.put("reason_code", x.reasonCode());
        r.put("reason", x.reason());
        r.put("snippet", x.snippet());
        return checked(r);
    }

    /** A district of a districts answer; the state is the one the request asked for. */
    public static GenericRecord listedDistrict(FetchContext ctx, DistrictRow d) {
        GenericRecord r = new GenericData.Record(Table.LISTED_DISTRICTS.schema());
        r.put("sweep_id", ctx.sweepId());
        r.put("fetch_id", ctx.fetchId());
        r.put("state_id", ctx.stateId());
        r.put("district_id", d.districtId());
        r.put("district_name", d.districtName());
        return checked(r);
    }

    /** A record with every field null, to be filled by name; {@link #checked} before writing. */
    public static GenericRecord empty(Table table) {
        return new GenericData.Record(table.schema());
    }

    public static GenericRecord checked(GenericRecord r) {
        Schema schema = r.getSchema();
        for (int pos : REQUIRED.computeIfAbsent(schema, TableRows::requiredPositions)) {
            if (r.get(pos) == null) {
                throw new IllegalStateException(schema.getName() + "." + schema.getFields().get(pos).name()
                        + " is required by its .avsc but was not set");
            }
        }
        return r;
    }

    public static Long timestamp(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    public static Integer date(LocalDate date) {
        return date == null ? null : (int) date.toEpochDay();
    }

    /** sweep_id, fetch_id, as_of_at, endpoint: the first four columns of centers and sessions. */
    private int context(GenericData.Record r, FetchContext ctx) {
        r.put(0, utf8(ctx.sweepId()));
        r.put(1, utf8(ctx.fetchId()));
        r.put(2, timestamp(ctx.asOfAt()));
        r.put(3, utf8(ctx.endpoint().apiName()));
        return 4;
    }

    private Utf8 utf8(String s) {
        if (s == null) {
            return null;
        }
        Utf8 u = utf8.get(s);
        if (u == null) {
            if (utf8.size() >= MAX_CACHED) {
                utf8.clear();
            }
            u = new Utf8(s);
            utf8.put(s, u);
        }
        return u;
    }

    private List<Utf8> slots(List<String> slots) {
        List<Utf8> out = new ArrayList<>(slots.size());
        for (String s : slots) {
            out.add(utf8(s));
        }
        return out;
    }

    private List<GenericRecord> vaccineFees(List<CenterRow.VaccineFee> fees) {
        if (fees == null) {
            return null;
        }
        List<GenericRecord> out = new ArrayList<>(fees.size());
        for (CenterRow.VaccineFee f : fees) {
            GenericData.Record r = new GenericData.Record(VACCINE_FEE);
            r.put("vaccine", utf8(f.vaccine()));
            r.put("fee", utf8(f.fee()));
            out.add(r);
        }
        return out;
    }

    private static Schema columnsInOrder(Table table, List<String> columns) {
        Schema schema = table.schema();
        List<String> declared = schema.getFields().stream().map(Schema.Field::name).toList();
        if (!declared.equals(columns)) {
            throw new IllegalStateException(table.resource() + " declares the columns " + declared
                    + " but TableRows fills " + columns + ": update TableRows with the .avsc");
        }
        return schema;
    }

    private static int[] requiredPositions(Schema schema) {
        return schema.getFields().stream().filter(f -> !isNullable(f.schema())).mapToInt(Schema.Field::pos).toArray();
    }

    private static boolean isNullable(Schema s) {
        return s.getType() == Schema.Type.NULL
                || (s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
    }
}
