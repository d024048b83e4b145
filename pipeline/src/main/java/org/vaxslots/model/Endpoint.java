package org.vaxslots.model;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Co-WIN endpoints vaxslots knows, named as in the API. Every one of them is public and
 * non-personal: this enum is the allowlist. Auth, certificate and protected appointment paths are
 * deliberately absent. Every request URI is built here, below a base: the crawler's {@code --source}
 * (checked by {@code snapshot/Allowlist} first) or, for recorded responses, {@link #COWIN_BASE}.
 */
public enum Endpoint {
    STATES("states", "/v2/admin/location/states"),
    DISTRICTS("districts", "/v2/admin/location/districts/"),
    CALENDAR_BY_DISTRICT("calendarByDistrict", "/v2/appointment/sessions/public/calendarByDistrict"),
    CALENDAR_BY_PIN("calendarByPin", "/v2/appointment/sessions/public/calendarByPin"),
    CALENDAR_BY_CENTER("calendarByCenter", "/v2/appointment/sessions/public/calendarByCenter"),
    FIND_BY_DISTRICT("findByDistrict", "/v2/appointment/sessions/public/findByDistrict"),
    FIND_BY_PIN("findByPin", "/v2/appointment/sessions/public/findByPin"),
    FIND_BY_LAT_LONG("findByLatLong", "/v2/appointment/centers/public/findByLatLong"),
    /** A recorded response whose endpoint could not be told from its name or shape. */
    UNKNOWN("unknown", "/unknown");

    /** The production API base; recorded responses are named by a target URI below it. */
    public static final String COWIN_BASE = "https://cdn-api.co-vin.in/api";
    /** The API's {@code date} parameter and a session's {@code date}, as written: e.g. 24-05-2021. */
    public static final DateTimeFormatter DATE_PARAM = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    /**
     * The same read as the API took it: day first, also with an unpadded day or month (the server
     * accepted 1-6-2021), and only a real calendar day.
     */
    public static final DateTimeFormatter DATE_PARAM_READ =
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** The parameter that {@link #DISTRICTS} takes in its path, not its query. */
    public static final String STATE_ID = "state_id";

    private final String apiName;
    private final String path;

    Endpoint(String apiName, String path) {
        this.apiName = apiName;
        this.path = path;
    }

    public String apiName() {
        return apiName;
    }

    /** Path below the API base; for {@link #DISTRICTS} the state id follows. */
    public String path() {
        return path;
    }

    public boolean isFindBy() {
        return this == FIND_BY_DISTRICT || this == FIND_BY_PIN;
    }

    /**
     * The URI of a request of this endpoint below {@code base} (no trailing slash): the path, with
     * {@link #DISTRICTS}' state id appended when given, then every other parameter as the
     * {@link #query}, in the order given. Values are encoded, not checked: the crawler checks them
     * first ({@code snapshot/Allowlist}).
     */
    public URI uri(String base, Map<String, String> params) {
        Map<String, String> rest = new LinkedHashMap<>(params);
        String p = path;
        if (this == DISTRICTS && rest.containsKey(STATE_ID)) {
            p += rest.remove(STATE_ID);
        }
        String q = query(rest);
        return URI.create(base + p + (q.isEmpty() ? "" : "?" + q));
    }

    /**
     * Parameters as a form-encoded query string, in the order given: how a request is written in
     * the raw archive's {@code Vaxslots-Params} header and keyed for resume and revisits.
     */
    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Optional<Endpoint> byApiName(String name) {
        return Arrays.stream(values()).filter(e -> e.apiName.equalsIgnoreCase(name)).findFirst();
    }
}
