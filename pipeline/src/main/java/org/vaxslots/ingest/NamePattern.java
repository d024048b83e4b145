package org.vaxslots.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaxslots.model.Endpoint;

/**
 * {@code --name-pattern}: request parameters read from a member's file name, or from its path
 * relative to the input when the pattern has a {@code /}. {@code {district_id}}, {@code {state_id}},
 * {@code {pincode}} and {@code {center_id}} match digits; {@code {date}} matches {@code dd-MM-yyyy},
 * {@code yyyy-MM-dd} or {@code yyyyMMdd} and is stored as the live crawler sends it,
 * {@code dd-MM-yyyy}; {@code *} matches any run of characters but {@code /}; everything else is
 * literal. The whole name (or path) must match.
 */
public final class NamePattern {
    public static final List<String> PLACEHOLDERS = List.of("district_id", "state_id", "pincode", "center_id", "date");
    private static final Pattern TOKEN = Pattern.compile("\\{([^}]*)}|\\*");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));

    private final String text;
    private final Pattern regex;
    private final List<String> names;

    private NamePattern(String text, Pattern regex, List<String> names) {
        this.text = text;
        this.regex = regex;
        this.names = List.copyOf(names);
    }

    /** @throws IllegalArgumentException for an unknown or repeated placeholder, or an unclosed brace. */
    public static NamePattern compile(String text) {
        StringBuilder re = new StringBuilder("^");
        List<String> names = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            re.append(literal(text.substring(at, m.start())));
            if (m.group().equals("*")) {
                re.append("[^/]*");
            } else {
                String name = m.group(1);
                if (!PLACEHOLDERS.contains(name)) {
                    throw new IllegalArgumentException("--name-pattern '" + text + "': unknown placeholder {" + name
                            + "}; use " + PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList() + " or *");
                }
                if (names.contains(name)) {
                    throw new IllegalArgumentException("--name-pattern '" + text + "': {" + name + "} appears twice");
                }
                names.add(name);
                re.append("(?<").append(name.replace("_", "")).append(">")
                        .append(name.equals("date") ? "\\d{2}-\\d{2}-\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{8}" : "\\d+")
                        .append(")");
            }
            at = m.end();
        }
        re.append(literal(text.substring(at))).append("$");
        return new NamePattern(text, Pattern.compile(re.toString()), names);
    }

    private static String literal(String s) {
        if (s.contains("{") || s.contains("}")) {
            throw new IllegalArgumentException("a brace that opens no placeholder in --name-pattern near '" + s
                    + "'; placeholders are " + PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());
        }
        return s.isEmpty() ? "" : Pattern.quote(s);
    }

    /** The parameters this pattern sets, e.g. [district_id, date]. */
    public List<String> parameters() {
        return names;
    }

    /** Whether the pattern reads the path relative to the input rather than the file name. */
    public boolean readsPath() {
        return text.contains("/");
    }

    /**
     * The parameters of a member, in the pattern's order, or empty when its name (or path) does
     * not match or its {@code {date}} is no calendar day.
     */
    public Optional<Map<String, String>> match(String memberPath) {
        String subject = readsPath() ? memberPath : memberPath.substring(memberPath.lastIndexOf('/') + 1);
        Matcher m = regex.matcher(subject);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : names) {
            String value = m.group(name.replace("_", ""));
            if (name.equals("date")) {
                Optional<LocalDate> day = date(value);
                if (day.isEmpty()) {
                    return Optional.empty();
                }
                value = day.get().format(Endpoint.DATE_PARAM);
            }
            params.put(name, value);
        }
        return Optional.of(params);
    }

    private static Optional<LocalDate> date(String value) {
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, f));
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
