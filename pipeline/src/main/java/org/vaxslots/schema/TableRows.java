package org.vaxslots.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.RejectRow;
import org.vaxslots.model.SessionRow;

/**
 * Model values to Avro records of the table schemas. {@code put} by name fails on a field the
 * .avsc does not have, and {@link #checked} fails on a required field left unset, so the code
 * cannot drift from data-schema/ unnoticed.
 */
public final class TableRows {
    private TableRows() {}

    public static GenericRecord center(FetchContext ctx, CenterRow c) {
        GenericRecord r = new GenericData.Record(Table.CENTERS.schema());
        context(r, ctx);
        r.put("fetch_id", ctx.fetchId());
        r.put("center_id", c.centerId());
        r.put("name", c.name());
        r.put("address", c.address());
        r.put("state_name", c.stateName());
        r.put("district_name", c.districtName());
        r.put("district_id", c.districtId());
        r.put("block_name", c.blockName());
        r.put("pincode", c.pincode());
        r.put("lat", c.lat());
        r.put("long", c.lon());
        r.put("from_time", c.fromTime());
        r.put("to_time", c.toTime());
        r.put("is_overnight", c.isOvernight());
        r.put("fee_type", c.feeType());
        r.put("vaccine_fees", vaccineFees(c.vaccineFees()));
        r.put("sessions_count", c.sessionsCount());
        return checked(r);
    }

    public static GenericRecord session(FetchContext ctx, SessionRow s) {
        GenericRecord r = new GenericData.Record(Table.SESSIONS.schema());
        context(r, ctx);
        r.put("fetch_id", ctx.fetchId());
        r.put("session_id", s.sessionId());
        r.put("center_id", s.centerId());
        r.put("state_name", s.stateName());
        r.put("district_name", s.districtName());
        r.put("district_id", s.districtId());
        r.put("block_name", s.blockName());
        r.put("pincode", s.pincode());
        r.put("session_date", date(s.sessionDate()));
        r.put("vaccine", s.vaccine());
        r.put("min_age_limit", s.minAgeLimit());
        r.put("max_age_limit", s.maxAgeLimit());
        r.put("allow_all_age", s.allowAllAge());
        r.put("age_group", s.ageGroup());
        r.put("available_capacity", s.availableCapacity());
        r.put("available_capacity_dose1", s.availableCapacityDose1());
        r.put("available_capacity_dose2", s.availableCapacityDose2());
        r.put("fee_type", s.feeType());
        r.put("fee", s.fee());
        r.put("slot_count", s.slots().size());
        r.put("slots", s.slots());
        r.put("slot_seats_total", s.slotSeatsTotal());
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
        r.put("reason", x.reason());
        r.put("snippet", x.snippet());
        return checked(r);
    }

    /** A record with every field null, to be filled by name; {@link #checked} before writing. */
    public static GenericRecord empty(Table table) {
        return new GenericData.Record(table.schema());
    }

    public static GenericRecord checked(GenericRecord r) {
        for (Schema.Field f : r.getSchema().getFields()) {
            if (r.get(f.pos()) == null && !isNullable(f.schema())) {
                throw new IllegalStateException(r.getSchema().getName() + "." + f.name()
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

    private static void context(GenericRecord r, FetchContext ctx) {
        r.put("sweep_id", ctx.sweepId());
        r.put("as_of_at", timestamp(ctx.asOfAt()));
        r.put("endpoint", ctx.endpoint().apiName());
    }

    private static List<GenericRecord> vaccineFees(List<CenterRow.VaccineFee> fees) {
        if (fees == null) {
            return null;
        }
        Schema item = Table.CENTERS.schema().getField("vaccine_fees").schema().getTypes().get(1).getElementType();
        return fees.stream().map(f -> {
            GenericRecord r = new GenericData.Record(item);
            r.put("vaccine", f.vaccine());
            r.put("fee", f.fee());
            return r;
        }).toList();
    }

    private static boolean isNullable(Schema s) {
        return s.getType() == Schema.Type.NULL
                || (s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
    }
}
