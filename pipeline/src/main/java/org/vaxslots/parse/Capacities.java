package org.vaxslots.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.vaxslots.model.SchemaObservation;

/**
 * The capacity fields of one session as the integer columns hold them. The source's value is
 * kept wherever it means something, and recoverable where the column cannot hold it:
 * <ul>
 *   <li>a fraction (62.5, 0.7000000000000028: April 2021) is floored, since half a slot cannot be
 *       booked; {@code rounded} is set and the field is counted as {@code fractional_value};
 *   <li>a negative count (reported for dose capacities on 15-16 May 2021) means nothing is open
 *       and is held as 0, counted as {@code negative_value};
 *   <li>in both cases {@code asSent} is a JSON object of exactly those fields, their values as
 *       sent (a numeric string stays a string), e.g. {@code {"available_capacity":62.5}}.
 * </ul>
 * Only a count beyond what a session can hold ({@link #MAX_CAPACITY} either way) cannot mean
 * anything, and rejects the session.
 */
record Capacities(int available, Integer dose1, Integer dose2, boolean rounded, String asSent) {
    /** Capacities above this (or below its negative) are not plausible for one session and are rejected. */
    static final int MAX_CAPACITY = 100_000;

    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_CAPACITY);

    static Capacities read(JsonFields f) throws BadRecordException {
        StringBuilder asSent = new StringBuilder();
        boolean[] rounded = {false};
        int available = count(f, "available_capacity", asSent, rounded);
        Integer dose1 = f.get("available_capacity_dose1") == null ? null
                : count(f, "available_capacity_dose1", asSent, rounded);
        Integer dose2 = f.get("available_capacity_dose2") == null ? null
                : count(f, "available_capacity_dose2", asSent, rounded);
        return new Capacities(available, dose1, dose2, rounded[0], asSent.isEmpty() ? null : "{" + asSent + "}");
    }

    private static int count(JsonFields f, String field, StringBuilder asSent, boolean[] rounded)
            throws BadRecordException {
        BigDecimal sent = f.decimalValue(field);
        if (sent == null) {
            throw new BadRecordException(RejectReason.MISSING_FIELD, "required field " + f.path() + field + " is missing");
        }
        if (sent.abs().compareTo(MAX) > 0) {
            throw new BadRecordException(RejectReason.IMPLAUSIBLE_VALUE, field + " is not a plausible count: "
                    + sent.toPlainString());
        }
        boolean whole = JsonFields.isWhole(sent);
        int floor = sent.setScale(0, RoundingMode.FLOOR).intValueExact();
        if (!whole) {
            rounded[0] = true;
            f.observeValue(field, SchemaObservation.FRACTIONAL_VALUE);
        }
        if (floor < 0) {
            f.observeValue(field, SchemaObservation.NEGATIVE_VALUE);
        }
        if (!whole || floor < 0) {
            JsonNode node = f.get(field);
            asSent.append(asSent.isEmpty() ? "" : ",").append('"').append(field).append("\":").append(node.toString());
        }
        return Math.max(floor, 0);
    }
}
