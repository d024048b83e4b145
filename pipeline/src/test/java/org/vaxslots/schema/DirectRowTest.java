package org.vaxslots.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SessionRow;

/**
 * Centers and sessions are written straight to Parquet ({@link DirectRow}), not as Avro records:
 * the file must be the same bytes as for the same rows given as GenericRecords, over every kind
 * of value (nulls, empty and full lists, strings outside ASCII, repeated and one-off strings),
 * those rows must be what parquet-avro writes ({@link ColumnarParquetWriterTest}), and a value
 * the .avsc does not allow must fail as before.
 */
class DirectRowTest {
    private static final FetchContext CTX = new FetchContext("s1", "f-0001", Endpoint.CALENDAR_BY_DISTRICT, null,
            298, null, null, LocalDate.of(2021, 5, 16), Instant.parse("2021-05-16T04:30:00Z"));

    @TempDir
    Path dir;

    @Test
    void sessionsAreTheBytesOfTheirGenericRecords() throws IOException {
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            boolean sparse = i % 3 == 0;
            rows.add(new SessionRow("sess-" + i + "-ഒ", 1000 + i % 70, "Kerala", "Kollam", sparse ? null : 298,
                    sparse ? null : "Block " + i % 11, sparse ? null : "69" + (1000 + i % 40), LocalDate.of(2021, 5, 16 + i % 7),
                    sparse ? null : (i % 2 == 0 ? "COVISHIELD" : "COVAXIN"), i % 2 == 0 ? 18 : 45,
                    sparse ? null : 44, i % 5 == 0 ? null : i % 2 == 0, "18-44", i % 97, sparse ? null : i % 13,
                    i % 4 == 0 ? null : i % 17, sparse ? null : "Free", i % 6 == 0 ? "780" : null,
                    i % 4 == 0 ? List.of() : List.of("09:00AM-11:00AM", "11:00AM-01:00PM", "0" + i % 9 + ":00PM"),
                    sparse ? null : i % 29, i % 10 == 0, i % 10 == 0 ? "0.7000000000000028" : null));
        }
        assertSameBytes(Table.SESSIONS, rows.stream().map(s -> TableRows.session(CTX, s)).toList(),
                rows.stream().map(DirectRowTest::sessionRecord).toList());
    }

    @Test
    void centersAreTheBytesOfTheirGenericRecords() throws IOException {
        List<CenterRow> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            List<CenterRow.VaccineFee> fees = switch (i % 4) {
                case 0 -> null;
                case 1 -> List.of();
                case 2 -> List.of(new CenterRow.VaccineFee("COVISHIELD", "780"), new CenterRow.VaccineFee(null, "1410"));
                default -> List.of(new CenterRow.VaccineFee("SPUTNIK V", null));
            };
            boolean sparse = i % 3 == 0;
            rows.add(new CenterRow(5000 + i, "PHC " + i + " കൊല്ലം", sparse ? null : "Road " + i, "Kerala", "Kollam",
                    sparse ? null : 298, sparse ? null : "Block " + i % 9, sparse ? null : "6910" + i % 10,
                    sparse ? null : 8.88 + i / 1e4, sparse ? null : 76.6 - i / 1e4, sparse ? null : "09:00:00",
                    sparse ? null : (i % 5 == 0 ? "01:00:00" : "17:00:00"), sparse ? null : "Paid", fees, i % 8));
        }
        assertSameBytes(Table.CENTERS, rows.stream().map(c -> TableRows.center(CTX, c)).toList(),
                rows.stream().map(DirectRowTest::centerRecord).toList());
    }

    @Test
    void aRequiredValueLeftOutFailsTheRow() throws IOException {
        SessionRow noAgeGroup = new SessionRow("s", 1, "Kerala", "Kollam", 298, null, null, LocalDate.of(2021, 5, 16),
                null, 18, null, null, null, 0, null, null, null, null, List.of(), null, false, null);
        try (ParquetTableWriter w = ParquetTableWriter.create(dir.resolve("x.parquet"), Table.SESSIONS)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> w.write(TableRows.session(CTX, noAgeGroup)));
            assertEquals("Session.age_group is required by its .avsc but was not set", e.getMessage());
        }
    }

    @Test
    void aRowGoesOnlyToItsOwnTable() throws IOException {
        CenterRow c = new CenterRow(1, "PHC", null, "Kerala", "Kollam", null, null, null, null, null, null, null, null,
                null, 0);
        try (ParquetTableWriter w = ParquetTableWriter.create(dir.resolve("x.parquet"), Table.SESSIONS)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.write(TableRows.center(CTX, c)));
            assertTrue(e.getMessage().contains("centers"), e.getMessage());
        }
    }

    private void assertSameBytes(Table table, List<DirectRow> direct, List<GenericRecord> records) throws IOException {
        Path directFile = dir.resolve("direct.parquet");
        Path avroFile = dir.resolve("avro.parquet");
        try (ParquetTableWriter w = ParquetTableWriter.create(directFile, table)) {
            for (DirectRow row : direct) {
                w.write(row);
            }
        }
        try (ParquetTableWriter w = ParquetTableWriter.create(avroFile, table)) {
            for (GenericRecord row : records) {
                w.write(row);
            }
        }
        assertArrayEquals(Files.readAllBytes(avroFile), Files.readAllBytes(directFile));
        ColumnarParquetWriterTest.assertSameTable(table, records, directFile, dir);
    }

    private static GenericRecord sessionRecord(SessionRow s) {
        GenericRecord r = TableRows.empty(Table.SESSIONS);
        context(r);
        r.put("session_id", s.sessionId());
        r.put("center_id", s.centerId());
        r.put("state_name", s.stateName());
        r.put("district_name", s.districtName());
        r.put("district_id", s.districtId());
        r.put("block_name", s.blockName());
        r.put("pincode", s.pincode());
        r.put("session_date", TableRows.date(s.sessionDate()));
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
        r.put("is_capacity_rounded", s.capacityRounded());
        r.put("capacity_as_sent", s.capacityAsSent());
        return TableRows.checked(r);
    }

    private static GenericRecord centerRecord(CenterRow c) {
        GenericRecord r = TableRows.empty(Table.CENTERS);
        context(r);
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
        if (c.vaccineFees() != null) {
            Schema fee = Table.CENTERS.schema().getField("vaccine_fees").schema().getTypes().get(1).getElementType();
            List<GenericRecord> fees = new ArrayList<>();
            for (CenterRow.VaccineFee f : c.vaccineFees()) {
                GenericRecord x = new GenericData.Record(fee);
                x.put("vaccine", f.vaccine());
                x.put("fee", f.fee());
                fees.add(x);
            }
            r.put("vaccine_fees", fees);
        }
        r.put("sessions_count", c.sessionsCount());
        return TableRows.checked(r);
    }

    private static void context(GenericRecord r) {
        r.put("sweep_id", CTX.sweepId());
        r.put("fetch_id", CTX.fetchId());
        r.put("as_of_at", TableRows.timestamp(CTX.asOfAt()));
        r.put("endpoint", CTX.endpoint().apiName());
    }
}
