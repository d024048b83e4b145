package org.vaxslots.privacy;

import java.util.Map;

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
    /**
     * What a field's value looks like. Checked on Jackson's character buffer, without a String or
     * a regex per value: a national response has millions of them.
     */
    enum Shape {
        /** A JSON number, or a string holding a short plain number (a pincode, a fee, a capacity): -?[0-9]{1,8}(.[0-9]+)? */
        NUMBER,
        /** A UUID (session ids). */
        UUID,
        /** dd-MM-yyyy as the API sends it, also unpadded or with a 2-digit year (the server accepted both). */
        DATE,
        /** HH:mm or HH:mm:ss. */
        TIME,
        /** "09:00AM-11:00AM" (spaces allowed around the dash and before AM/PM), or the spec's FORENOON / AFTERNOON. */
        SLOT,
        /** An enumeration: empty, or a letter then up to 30 letters, spaces, dots or dashes (COVISHIELD, SPUTNIK V, Free). */
        WORD;

        boolean accepts(String value) {
            return accepts(value.toCharArray(), 0, value.length());
        }

        boolean accepts(char[] b, int off, int len) {
            Cursor c = new Cursor(b, off, off + len);
            return switch (this) {
                case NUMBER -> c.number() && c.done();
                case UUID -> len == 36 && c.hex(8) && c.is('-') && c.hex(4) && c.is('-') && c.hex(4) && c.is('-') && c.hex(4)
                        && c.is('-') && c.hex(12) && c.done();
                case DATE -> c.digits(1, 2) && c.is('-') && c.digits(1, 2) && c.is('-') && c.digits(2, 4) && c.done();
                case TIME -> c.clock() && (c.done() || (c.is(':') && c.digits(2, 2) && c.done()));
                case SLOT -> c.upperWord() || (c.slotEnd() && c.spaces() && c.is('-') && c.spaces() && c.slotEnd() && c.done());
                case WORD -> c.word();
            };
        }
    }

    /** A position in a value, moved forward by each check that matches. */
    private static final class Cursor {
        private final char[] b;
        private final int end;
        private int i;

        Cursor(char[] b, int start, int end) {
            this.b = b;
            this.i = start;
            this.end = end;
        }

        boolean done() {
            return i == end;
        }

        boolean is(char ch) {
            if (i < end && b[i] == ch) {
                i++;
                return true;
            }
            return false;
        }

        boolean digits(int min, int max) {
            int n = 0;
            while (i < end && n < max && b[i] >= '0' && b[i] <= '9') {
                i++;
                n++;
            }
            return n >= min && (i == end || b[i] < '0' || b[i] > '9');
        }

        boolean number() {
            is('-');
            if (!digits(1, 8)) {
                return false;
            }
            return !is('.') || digits(1, Integer.MAX_VALUE);
        }

        boolean hex(int n) {
            for (int k = 0; k < n; k++, i++) {
                if (i >= end || Character.digit(b[i], 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        boolean clock() {
            return digits(1, 2) && is(':') && digits(2, 2);
        }

        /** hh:mm with an optional space and AM/PM. */
        boolean slotEnd() {
            if (!clock()) {
                return false;
            }
            int mark = i;
            is(' ');
            if (i + 1 < end && (b[i] == 'A' || b[i] == 'P' || b[i] == 'a' || b[i] == 'p') && (b[i + 1] == 'M' || b[i + 1] == 'm')) {
                i += 2;
            } else {
                i = mark;
            }
            return true;
        }

        boolean spaces() {
            while (i < end && b[i] == ' ') {
                i++;
            }
            return true;
        }

        boolean upperWord() {
            int n = end - i;
            if (n < 3 || n > 12) {
                return false;
            }
            for (int k = i; k < end; k++) {
                if (b[k] < 'A' || b[k] > 'Z') {
                    return false;
                }
            }
            return true;
        }

        boolean word() {
            int n = end - i;
            if (n == 0) {
                return true;
            }
            if (n > 31 || !Character.isLetter(b[i]) || b[i] > 127) {
                return false;
            }
            for (int k = i + 1; k < end; k++) {
                char ch = b[k];
                if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == ' ' || ch == '.' || ch == '-')) {
                    return false;
                }
            }
            return true;
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
