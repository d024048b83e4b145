package org.vaxslots.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Co-WIN endpoints vaxslots knows, named as in the API. Every one of them is public and
 * non-personal: this enum is the allowlist. Auth, certificate and protected appointment paths are
 * deliberately absent.
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

    public static Optional<Endpoint> byApiName(String name) {
        return Arrays.stream(values()).filter(e -> e.apiName.equalsIgnoreCase(name)).findFirst();
    }
}
