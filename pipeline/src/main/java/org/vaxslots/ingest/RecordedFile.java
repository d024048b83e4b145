package org.vaxslots.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaxslots.model.Endpoint;

/**
 * What a recorded response's file name and first bytes say about it: the endpoint and request
 * parameters, when the archive that kept it did not. File names follow the convention of the
 * shared samples, e.g. {@code calendarByDistrict_192-Rohtak_2021-05-04_….json} or
 * {@code findByPin_pin416416-Sangli_2022-04-28_….json}.
 */
public record RecordedFile(Endpoint endpoint, Map<String, String> params, String inferred) {
    private static final Pattern NAME = Pattern.compile(
            "^(?<endpoint>[A-Za-z]+)_(?:pin(?<pin>\\d{6})|(?<id>\\d+)(?=[-_.]))?[^_]*(?:_(?<date>\\d{4}-\\d{2}-\\d{2}))?.*");

    static RecordedFile infer(String fileName, byte[] body) {
        Matcher m = NAME.matcher(fileName);
        if (m.matches()) {
            Endpoint endpoint = Endpoint.byApiName(m.group("endpoint")).orElse(null);
            if (endpoint != null && endpoint != Endpoint.UNKNOWN) {
                Map<String, String> params = new LinkedHashMap<>();
                if (m.group("pin") != null) {
                    params.put("pincode", m.group("pin"));
                } else if (m.group("id") != null && endpoint != Endpoint.STATES) {
                    String key = switch (endpoint) {
                        case CALENDAR_BY_CENTER -> "center_id";
                        case DISTRICTS -> "state_id";
                        default -> "district_id";
                    };
                    params.put(key, m.group("id"));
                }
                if (m.group("date") != null && endpoint != Endpoint.STATES && endpoint != Endpoint.DISTRICTS) {
                    params.put("date", LocalDate.parse(m.group("date")).format(Endpoint.DATE_PARAM));
                }
                return new RecordedFile(endpoint, params, "endpoint and parameters from the file name");
            }
        }
        return new RecordedFile(fromShape(body), Map.of(), "endpoint from the body's shape; no parameters");
    }

    /** Only shapes that name one endpoint are trusted; a centers or sessions list could be several. */
    private static Endpoint fromShape(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s", "");
        if (head.startsWith("{\"centers\":{")) {
            return Endpoint.CALENDAR_BY_CENTER;
        }
        if (head.startsWith("{\"states\":") || head.startsWith("[{\"state_id\"")) {
            return Endpoint.STATES;
        }
        if (head.startsWith("{\"districts\":") || head.startsWith("[{\"district_id\"")) {
            return Endpoint.DISTRICTS;
        }
        return Endpoint.UNKNOWN;
    }
}
