package org.vaxslots.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.RejectRow;
import org.vaxslots.model.SessionRow;

/**
 * Model values to rows of the table schemas. Centers and sessions, millions a sweep, are
 * {@link DirectRow}s that write their values by position, in the order {@link #CENTER_COLUMNS} and
 * {@link #SESSION_COLUMNS} name, which are checked against the .avsc when the class loads; the
 * {@link RowWriter} checks each value's type and nullability against it. Other tables are Avro
 * records filled by name, which fails on a field the .avsc does not have, and {@link #checked}
 * fails on a required field left unset. Either way the code cannot drift from data-schema/
 * unnoticed.
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

    /**
     * Columns whose values rarely repeat within a file (a session is listed once a sweep, a center's
     * name and address once a response): written PLAIN, without building a dictionary first. Every
     * other column of every table chooses per chunk ({@link ParquetColumn}).
     */
    private static final Map<Table, Set<String>> PLAIN_COLUMNS = Map.of(Table.CENTERS, Set.of("name", "address"),
            Table.SESSIONS, Set.of("session_id"));

    /** The columns of a table written PLAIN whatever their values; none for most tables. */
    static Set<String> plainColumns(Table table) {
        return PLAIN_COLUMNS.getOrDefault(table, Set.of());
    }

    static {
        checkColumnsInOrder(Table.CENTERS, CENTER_COLUMNS);
        checkColumnsInOrder(Table.SESSIONS, SESSION_COLUMNS);
    }

    private static final Map<Schema, int[]> REQUIRED = new java.util.concurrent.ConcurrentHashMap<>();

    private TableRows() {}

    /** A centers row, written straight to Parquet ({@link DirectRow}). */
    public static DirectRow center(FetchContext ctx, CenterRow c) {
        return new CenterValues(ctx, c);
    }

    /** A sessions row, written straight to Parquet ({@link DirectRow}). */
    public static DirectRow session(FetchContext ctx, SessionRow s) {
        return new SessionValues(ctx, s);
    }

    private record CenterValues(FetchContext ctx, CenterRow c) implements DirectRow {
        @Override
        public Table table() {
            return Table.CENTERS;
        }

        @Override
        public void writeTo(RowWriter out) {
            int i = context(out, ctx);
            out.int64(i++, c.centerId());
            out.string(i++, c.name());
            out.string(i++, c.address());
            out.string(i++, c.stateName());
            out.string(i++, c.districtName());
            out.int32(i++, c.districtId());
            out.string(i++, c.blockName());
            out.string(i++, c.pincode());
            out.float64(i++, c.lat());
            out.float64(i++, c.lon());
            out.string(i++, c.fromTime());
            out.string(i++, c.toTime());
            out.bool(i++, c.isOvernight());
            out.string(i++, c.feeType());
            out.recordList(i++, vaccineFees(c.vaccineFees()));
            out.int32(i, c.sessionsCount());
        }
    }

    private record SessionValues(FetchContext ctx, SessionRow s) implements DirectRow {
        @Override
        public Table table() {
            return Table.SESSIONS;
        }

        @Override
        public void writeTo(RowWriter out) {
            int i = context(out, ctx);
            out.string(i++, s.sessionId());
            out.int64(i++, s.centerId());
            out.string(i++, s.stateName());
            out.string(i++, s.districtName());
            out.int32(i++, s.districtId());
            out.string(i++, s.blockName());
            out.string(i++, s.pincode());
            out.int32(i++, date(s.sessionDate()));
            out.string(i++, s.vaccine());
            out.int32(i++, s.minAgeLimit());
            out.int32(i++, s.maxAgeLimit());
            out.bool(i++, s.allowAllAge());
            out.string(i++, s.ageGroup());
            out.int32(i++, s.availableCapacity());
            out.int32(i++, s.availableCapacityDose1());
            out.int32(i++, s.availableCapacityDose2());
            out.string(i++, s.feeType());
            out.string(i++, s.fee());
            out.int32(i++, s.slots().size());
            out.stringList(i++, s.slots());
            out.int32(i++, s.slotSeatsTotal());
            out.bool(i++, s.capacityRounded());
            out.string(i, s.capacityAsSent());
        }
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
    private static int context(RowWriter out, FetchContext ctx) {
        out.string(0, ctx.sweepId());
        out.string(1, ctx.fetchId());
        out.int64(2, timestamp(ctx.asOfAt()));
        out.string(3, ctx.endpoint().apiName());
        return 4;
    }

    /** centers.vaccine_fees: each entry's vaccine and fee, the VaccineFee record's fields in order. */
    private static List<String[]> vaccineFees(List<CenterRow.VaccineFee> fees) {
        if (fees == null) {
            return null;
        }
        List<String[]> out = new ArrayList<>(fees.size());
        for (CenterRow.VaccineFee f : fees) {
            out.add(new String[] {f.vaccine(), f.fee()});
        }
        return out;
    }

    private static void checkColumnsInOrder(Table table, List<String> columns) {
        Schema schema = table.schema();
        List<String> declared = schema.getFields().stream().map(Schema.Field::name).toList();
        if (!declared.equals(columns)) {
            throw new IllegalStateException(table.resource() + " declares the columns " + declared
                    + " but TableRows fills " + columns + ": update TableRows with the .avsc");
        }
    }

    private static int[] requiredPositions(Schema schema) {
        return schema.getFields().stream().filter(f -> !isNullable(f.schema())).mapToInt(Schema.Field::pos).toArray();
    }

    private static boolean isNullable(Schema s) {
        return s.getType() == Schema.Type.NULL
                || (s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
    }
}
