package org.vaxslots.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The age-group rule table, data-schema/age_groups.csv: the first rule whose columns all match
 * gives the group. In a cell, {@code *} matches anything and an empty cell matches "not sent".
 */
public final class AgeGroups {
    static final String RESOURCE = "/data-schema/age_groups.csv";

    /** {@code from}/{@code to} are null for "*" (no bound), parsed once when the table loads. */
    private record Rule(int min, String max, String allowAllAge, LocalDate from, LocalDate to, String group) {
        boolean matches(int minAge, Integer maxAge, Boolean allow, LocalDate date) {
            return min == minAge
                    && cell(max, maxAge == null ? null : maxAge.toString())
                    && cell(allowAllAge, allow == null ? null : allow.toString())
                    && (from == null || !date.isBefore(from))
                    && (to == null || !date.isAfter(to));
        }

        private static boolean cell(String rule, String value) {
            return rule.equals("*") || (rule.isEmpty() ? value == null : rule.equals(value));
        }
    }

    private final List<Rule> rules;

    private AgeGroups(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AgeGroups load() {
        try (InputStream in = AgeGroups.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: rebuild the jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static AgeGroups parse(Reader csv) throws IOException {
        List<Rule> rules = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord r : format.parse(csv)) {
            rules.add(new Rule(Integer.parseInt(r.get("min_age_limit")), r.get("max_age_limit"),
                    r.get("allow_all_age"), bound(r.get("session_date_from")), bound(r.get("session_date_to")),
                    r.get("age_group")));
        }
        return new AgeGroups(rules);
    }

    private static LocalDate bound(String cell) {
        return cell.equals("*") ? null : LocalDate.parse(cell);
    }

    /** The group of a session, or empty when no rule covers the combination. */
    public Optional<String> classify(int minAge, Integer maxAge, Boolean allowAllAge, LocalDate sessionDate) {
        for (Rule r : rules) {
            if (r.matches(minAge, maxAge, allowAllAge, sessionDate)) {
                return Optional.of(r.group());
            }
        }
        return Optional.empty();
    }

    /** The readable label kept for a combination no rule covers: "44+" or "12-60". */
    public static String fallbackLabel(int minAge, Integer maxAge) {
        return maxAge == null ? minAge + "+" : minAge + "-" + maxAge;
    }
}
