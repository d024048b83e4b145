package org.vaxslots.privacy;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields of the public Co-WIN availability responses (states, districts, calendarBy*,
 * findBy*, findByLatLong; every schema era, see data-schema/README.md) whose values have a fixed
 * shape, so that a value of that shape is known not to be personal: ids, pincodes, coordinates,
 * capacities, fees, session UUIDs, dates, times and slots. Free-text fields (names, addresses)
 * are not here: their values are screened like any other. A value that does not have its
 * field's shape (a 10-digit {@code pincode}, a {@code session_id} that is not a UUID) is screened
 * too.
 */
final class PublicFields {
    /** What a field's value looks like. */
    enum Shape {
        /** A JSON number, or a string holding a short plain number (a pincode, a fee, a capacity). */
        NUMBER(Pattern.compile("-?[0-9]{1,8}(\\.[0-9]+)?")),
        UUID(Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
        /** dd-MM-yyyy as the API sends it, also unpadded or with a 2-digit year (the server accepted both). */
        DATE(Pattern.compile("[0-9]{1,2}-[0-9]{1,2}-[0-9]{2,4}")),
        TIME(Pattern.compile("[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?")),
        /** "09:00AM-11:00AM", or the spec's FORENOON / AFTERNOON. */
        SLOT(Pattern.compile("(?i)[0-9]{1,2}:[0-9]{2} ?([AP]M)? ?- ?[0-9]{1,2}:[0-9]{2} ?([AP]M)?|[A-Z]{3,12}")),
        /** An enumeration: a short word or two (COVISHIELD, SPUTNIK V, Free, Paid). */
        WORD(Pattern.compile("[A-Za-z][A-Za-z .-]{0,30}|"));

        private final Pattern pattern;

        Shape(Pattern pattern) {
            this.pattern = pattern;
        }

        boolean accepts(String value) {
            return pattern.matcher(value).matches();
        }
    }

    private static final Map<String, Shape> FIELDS = Map.ofEntries(
            Map.entry("center_id", Shape.NUMBER),
            Map.entry("district_id", Shape.NUMBER),
            Map.entry("state_id", Shape.NUMBER),
            Map.entry("pincode", Shape.NUMBER),
            Map.entry("lat", Shape.NUMBER),
            Map.entry("long", Shape.NUMBER),
            Map.entry("available_capacity", Shape.NUMBER),
            Map.entry("available_capacity_dose1", Shape.NUMBER),
            Map.entry("available_capacity_dose2", Shape.NUMBER),
            Map.entry("min_age_limit", Shape.NUMBER),
            Map.entry("max_age_limit", Shape.NUMBER),
            Map.entry("fee", Shape.NUMBER),
            Map.entry("ttl", Shape.NUMBER),
            Map.entry("seats", Shape.NUMBER),
            Map.entry("session_id", Shape.UUID),
            Map.entry("date", Shape.DATE),
            Map.entry("from", Shape.TIME),
            Map.entry("to", Shape.TIME),
            Map.entry("slots", Shape.SLOT),
            Map.entry("time", Shape.SLOT),
            Map.entry("fee_type", Shape.WORD),
            Map.entry("vaccine", Shape.WORD),
            Map.entry("allow_all_age", Shape.WORD));

    private PublicFields() {}

    /**
     * The shape of a field's values, or null for free text and unknown fields. Capacity-like
     * fields of later eras ({@code *capacity*}, {@code *_count}, {@code *_limit}) are numbers too.
     */
    static Shape shapeOf(String field) {
        if (field == null) {
            return null;
        }
        Shape s = FIELDS.get(field);
        if (s == null && (field.contains("capacity") || field.endsWith("_count") || field.endsWith("_limit"))) {
            return Shape.NUMBER;
        }
        return s;
    }
}
