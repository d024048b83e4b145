package org.vaxslots.normalize;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.UsualDates;
import org.vaxslots.raw.ArchivedResponse;
import org.vaxslots.raw.RawHeaders;

/**
 * Reads what an archived record says about its request into a {@link FetchContext}. Request
 * parameters come from vaxslots' own WARC fields, else from the target URI; as-of comes from the
 * server's Date minus Age, else the time the importer gave, else the time of import.
 */
final class FetchContexts {
    /** A context plus the facts about the fetch that only the fetches table carries. */
    record Fetch(FetchContext context, String asOfSource, Instant serverDate, Integer ageSeconds) {}

    private FetchContexts() {}

    static Fetch of(String sweepId, ArchivedResponse r) {
        Map<String, String> params = params(r);
        Endpoint endpoint = endpoint(r);
        Instant serverDate = httpDate(r.serverDate());
        Integer age = seconds(r.serverAge());
        Instant asOf;
        String asOfSource;
        if (serverDate != null) {
            asOf = serverDate.minus(Duration.ofSeconds(age == null ? 0 : age));
            asOfSource = "server";
        } else if (r.field(RawHeaders.AS_OF) != null) {
            asOf = UsualDates.isoInstant(r.field(RawHeaders.AS_OF));
            asOfSource = r.field(RawHeaders.AS_OF_SOURCE) != null ? r.field(RawHeaders.AS_OF_SOURCE) : "given";
        } else {
            asOf = r.warcDate();
            asOfSource = "fetched_at";
        }
        FetchContext ctx = new FetchContext(sweepId, r.fetchId(), endpoint, integer(params.get("state_id")),
                integer(params.get("district_id")), params.get("pincode"), longValue(params.get("center_id")),
                date(params.get("date")), asOf);
        return new Fetch(ctx, asOfSource, serverDate, age);
    }

    private static Endpoint endpoint(ArchivedResponse r) {
        String named = r.field(RawHeaders.ENDPOINT);
        if (named != null) {
            return Endpoint.byApiName(named).orElse(Endpoint.UNKNOWN);
        }
        String path = r.targetUri() == null ? "" : r.targetUri().getPath();
        return Arrays.stream(Endpoint.values())
                .filter(e -> e != Endpoint.UNKNOWN && path.contains(e.path()))
                .findFirst().orElse(Endpoint.UNKNOWN);
    }

    private static Map<String, String> params(ArchivedResponse r) {
        String query = r.field(RawHeaders.PARAMS);
        URI target = r.targetUri();
        if (query == null && target != null) {
            query = target.getRawQuery();
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        if (!params.containsKey("state_id") && target != null
                && target.getPath() != null && target.getPath().contains(Endpoint.DISTRICTS.path())) {
            String tail = target.getPath().substring(target.getPath().lastIndexOf('/') + 1);
            params.put("state_id", tail);
        }
        return params;
    }

    /** Request parameters are the requester's words, not data: unreadable ones become null. */
    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : UsualDates.dayFirst(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant httpDate(String s) {
        try {
            return s == null ? null : UsualDates.httpDate(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer seconds(String s) {
        Integer n = integer(s);
        return n == null || n < 0 ? null : n;
    }
}
