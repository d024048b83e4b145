package org.vaxslots.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * How one value is written into a published CSV cell: ISO dates, plain decimals (no exponent, no
 * thousands separator), empty for NULL. Text that a spreadsheet would run as a formula (starting
 * with =, +, @, a tab or carriage return, or - when the cell is not a number) gets a leading single
 * quote, because names come from the source and are not trusted.
 */
public final class CsvCells {
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private CsvCells() {}

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return neutralise(s);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Float f) {
            return BigDecimal.valueOf(f.doubleValue()).toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof LocalDateTime t) {
            return INSTANT.format(t);
        }
        if (value instanceof java.sql.Timestamp t) {
            return INSTANT.format(t.toInstant().atOffset(ZoneOffset.UTC));
        }
        return neutralise(value.toString());
    }

    /** The text as a spreadsheet will show it but never run it. */
    public static String neutralise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean dangerous = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || (first == '-' && !NEGATIVE_NUMBER.matcher(s).matches());
        return dangerous ? "'" + s : s;
    }
}
