package org.vaxslots.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.vaxslots.model.SchemaObservation;

/**
 * Typed reads of one JSON object's fields, with the tolerance the real API needs: a value sent in
 * another JSON type than usual is converted when that is lossless (and recorded as retyped), a
 * field that is absent or JSON null reads as null, and anything else is a {@link BadRecordException}.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final SchemaObserver observer;

    JsonFields(JsonNode node, String path, SchemaObserver observer) {
        this.node = node;
        this.path = path;
        this.observer = observer;
    }

    /** Records every field not in {@code known} and every field of {@code expected} that is absent. */
    void checkFields(Set<String> known, Set<String> expected) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                observer.record(path + name, SchemaObservation.UNKNOWN_FIELD, typeName(node.get(name)));
            }
        });
        for (String name : expected) {
            if (!node.has(name)) {
                observer.missingField(path + name);
            }
        }
    }

    /** The path of this object's fields, e.g. "centers[].sessions[]." (array indexes dropped). */
    String path() {
        return path;
    }

    JsonNode get(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field) throws BadRecordException {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            retyped(field, value);
            return value.asText();
        }
        throw bad(field, value, "text");
    }

    String requiredText(String field) throws BadRecordException {
        return required(field, text(field));
    }

    /** Text that is usually sent as a JSON number (pincode): a string is accepted and recorded. */
    String numberAsText(String field) throws BadRecordException {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isTextual()) {
            retyped(field, value);
            return value.textValue();
        }
        throw bad(field, value, "a number");
    }

    Long longValue(String field) throws BadRecordException {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) < 1e15) {
            retyped(field, value);
            return (long) value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                long parsed = Long.parseLong(value.textValue().trim());
                retyped(field, value);
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(field, value, "a whole number");
            }
        }
        throw bad(field, value, "a whole number");
    }

    long requiredLong(String field) throws BadRecordException {
        return required(field, longValue(field));
    }

    Integer intValue(String field) throws BadRecordException {
        Long value = longValue(field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadRecordException(RejectReason.IMPLAUSIBLE_VALUE, path + field + " is out of range: "
                    + RejectSnippets.screened(String.valueOf(value), 60));
        }
        return value.intValue();
    }

    int requiredInt(String field) throws BadRecordException {
        return required(field, intValue(field));
    }

    Double doubleValue(String field) throws BadRecordException {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.textValue().trim());
                retyped(field, value);
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(field, value, "a number");
            }
        }
        throw bad(field, value, "a number");
    }

    /**
     * A count that may come with a fraction, exactly as sent: a JSON number or a numeric string
     * (recorded as retyped), or a float with no fraction (recorded as retyped, as for whole numbers).
     * Needs the mapper to read floats as exact decimals, so no digit of the source is lost.
     */
    BigDecimal decimalValue(String field) throws BadRecordException {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.decimalValue();
        }
        if (value.isFloatingPointNumber()) {
            BigDecimal exact = value.decimalValue();
            if (isWhole(exact)) {
                retyped(field, value);
            }
            return exact;
        }
        if (value.isTextual()) {
            try {
                BigDecimal parsed = new BigDecimal(value.textValue().trim());
                retyped(field, value);
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(field, value, "a number");
            }
        }
        throw bad(field, value, "a number");
    }

    static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** Records a value the column cannot hold as sent (see {@link Capacities}). */
    void observeValue(String field, String event) {
        observer.record(path + field, event, "");
    }

    Boolean booleanValue(String field) throws BadRecordException {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String t = value.textValue().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                retyped(field, value);
                return Boolean.valueOf(t);
            }
        }
        throw bad(field, value, "true or false");
    }

    private <T> T required(String field, T value) throws BadRecordException {
        if (value == null) {
            throw new BadRecordException(RejectReason.MISSING_FIELD, "required field " + path + field + " is missing");
        }
        return value;
    }

    private void retyped(String field, JsonNode value) {
        observer.record(path + field, SchemaObservation.RETYPED_FIELD, typeName(value));
    }

    private BadRecordException bad(String field, JsonNode value, String wanted) {
        return new BadRecordException(RejectReason.BAD_TYPE, path + field + " should be " + wanted + " but is "
                + RejectSnippets.value(value));
    }

    static String typeName(JsonNode value) {
        JsonNodeType type = value == null ? JsonNodeType.MISSING : value.getNodeType();
        if (type == JsonNodeType.NUMBER) {
            return value.isIntegralNumber() ? "integer" : "float";
        }
        return type.name().toLowerCase(Locale.ROOT);
    }
}
