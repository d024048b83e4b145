package org.vaxslots.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.vaxslots.model.SchemaObservation;

/**
 * A session's slots as sent: the time ranges, and the seats summed when the slots carry them.
 * Slots are strings until 2022, then {time, seats} objects; both are read.
 */
record Slots(List<String> times, Integer seats) {

    /** The slots array of a session (absent: no slots); a slot of neither form rejects the session. */
    static Slots read(JsonNode node, SchemaObserver observer) throws BadRecordException {
        if (node == null) {
            return new Slots(List.of(), null);
        }
        if (!node.isArray()) {
            throw new BadRecordException(RejectReason.BAD_TYPE, "slots is not an array");
        }
        List<String> times = new ArrayList<>(node.size());
        Integer seats = null;
        for (JsonNode slot : node) {
            if (slot.isTextual()) {
                times.add(slot.textValue());
            } else if (slot.isObject() && slot.path("time").isTextual()) {
                observer.record("sessions[].slots[]", SchemaObservation.RETYPED_FIELD, "object");
                times.add(slot.get("time").textValue());
                JsonNode seatNode = slot.get("seats");
                if (seatNode != null && !seatNode.isNull()) {
                    if (!seatNode.isIntegralNumber() || seatNode.intValue() < 0
                            || seatNode.intValue() > Capacities.MAX_CAPACITY) {
                        throw new BadRecordException(RejectReason.IMPLAUSIBLE_VALUE, "slots[].seats is not a plausible count: "
                                + RejectSnippets.value(seatNode));
                    }
                    seats = (seats == null ? 0 : seats) + seatNode.intValue();
                }
            } else {
                throw new BadRecordException(RejectReason.BAD_TYPE, "a slot is neither a time range nor a {time, seats} object: "
                        + RejectSnippets.value(slot));
            }
        }
        return new Slots(List.copyOf(times), seats);
    }
}
