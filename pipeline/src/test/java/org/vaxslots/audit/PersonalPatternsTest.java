package org.vaxslots.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal-looking values are recognised; the identifiers and numbers real tables hold are not. */
class PersonalPatternsTest {

    @Test
    void match_realNonPersonalValues_nothing() {
        for (String v : new String[] {
            "110085", "682001", "1234567", "683001 Kerala", "28.7041", "-77.1025", "24-05-2021", "2021-05-24 06:30:00",
            "3fa85f64-5717-4562-b3fc-123456789012", "<urn:uuid:00000000-0000-4000-8000-000000000403>",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "9876543210abcdef9876543210abcdef",
            "raw/sweep_id=demo-20210523T183000Z/snapshot-20261128T140230744Z-bffeb826.warc.gz",
            "https://cdn-api.co-vin.in/api/v2/appointment/sessions/public/calendarByDistrict?district_id=298&date=24-05-2021",
            "W/\"5d41402abc4b2a76b9719d911017c592\"", "W/\"4432-74419426f28ea93\"", "W/\"a3cc-f8586743541b134\"", "09:00AM-11:00AM", "PHC Kiloi", "12345", "67108865", "=HYPERLINK(\"x\")",
            "50.00000000000001", "0.7000000000000028", "{\"available_capacity\":50.00000000000001}", "2026-12-01 23:11:43.176176",
            "demo-20210523T183000Z"}) {
            assertEquals(java.util.Optional.empty(), PersonalPatterns.match(v), v);
        }
    }

    @Test
    void find_mixedText_everySpanInKindOrder() {
        assertEquals(java.util.List.of(new PersonalPatterns.Span(PersonalPatterns.EMAIL, 20, 33),
                new PersonalPatterns.Span(PersonalPatterns.PHONE, 5, 16)),
                PersonalPatterns.find("call 98765 43210 or a@example.org, capacity 50.00000000000001"));
    }

    @Test
    void match_personalValues_theirKind() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("call 9876543210 now", "phone number");
        cases.put("+91-9876543210", "phone number");
        cases.put("+91 98765 43210", "phone number");
        cases.put("09876543210", "phone number");
        cases.put("2345 6789 0123", "Aadhaar-like number");
        cases.put("234567890123", "Aadhaar-like number");
        cases.put("12345678901234", "beneficiary reference id");
        cases.put("1234567890123", "beneficiary reference id");
        cases.put("someone@example.org", "email address");
        cases.put("Dr. A <a.b+c@mail.gov.in>", "email address");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(c.getValue(), PersonalPatterns.match(c.getKey()).map(PersonalPatterns.Kind::name).orElse("none"), c.getKey());
        }
    }
}
