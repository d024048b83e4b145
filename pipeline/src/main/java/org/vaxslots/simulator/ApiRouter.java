package org.vaxslots.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a path under /api and its query to a body from the supply model. Validation follows the
 * real API: dates dd-MM-yyyy but also d-M-yyyy and 2-digit years (tracker #412); a missing or
 * malformed parameter is 400 USRRES0001; an id of the wrong kind is not validated (tracker #77),
 * an unknown one gives an empty list.
 */
final class ApiRouter {
    private static final String SESSIONS = "/v2/appointment/sessions/public/";
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4}|\\d{2})");
    private static final Pattern DISTRICTS = Pattern.compile("/v2/admin/location/districts/([^/]*)");
    private static final int CALENDAR_DAYS = 7;

    private final SupplyModel model;

    ApiRouter(SupplyModel model) {
        this.model = model;
    }

    /** True for the personal/protected paths the real API answered with 401. */
    static boolean isProtected(String path) {
        return path.startsWith("/v2/auth/") || path.startsWith("/v2/registration/")
                || (path.startsWith("/v2/appointment/") && !path.startsWith(SESSIONS)
                && !path.equals("/v2/appointment/centers/public/findByLatLong"));
    }

    /** The stats name of a path: the last segment for known routes. */
    static String endpointOf(String path) {
        if (path.startsWith("/v2/admin/location/districts/")) {
            return "districts";
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    ApiResult route(String path, String rawQuery, Instant now) {
        String endpoint = endpointOf(path);
        if (isProtected(path)) {
            return ApiResult.unauthenticated(endpoint);
        }
        if (path.equals("/v2/admin/location/states")) {
            return ApiResult.json("states", null, ResponseBodies.states(model.geography().states()));
        }
        Matcher dm = DISTRICTS.matcher(path);
        if (dm.matches()) {
            Integer stateId = parseInt(dm.group(1));
            return stateId == null ? ApiResult.missingParameter("districts")
                    : ApiResult.json("districts", null, ResponseBodies.districts(model.geography().districtsOf(stateId)));
        }
        Map<String, String> q = query(rawQuery);
        if (path.equals("/v2/appointment/centers/public/findByLatLong")) {
            return findByLatLong(q);
        }
        if (!path.startsWith(SESSIONS)) {
            return ApiResult.error(404, "unknown", "NOTFOUND", "Not Found");
        }
        LocalDate date = parseDate(q.get("date"));
        switch (endpoint) {
            case "calendarByDistrict", "findByDistrict", "calendarByPin", "findByPin", "calendarByCenter" -> {
            }
            default -> {
                return ApiResult.error(404, "unknown", "NOTFOUND", "Not Found");
            }
        }
        if (date == null) {
            return ApiResult.missingParameter(endpoint);
        }
        Era era = Era.of(date);
        boolean calendar = endpoint.startsWith("calendar");
        List<Center> centers;
        if (endpoint.endsWith("ByDistrict")) {
            Integer districtId = parseInt(q.get("district_id"));
            if (districtId == null) {
                return ApiResult.missingParameter(endpoint);
            }
            Geography.District d = model.geography().district(districtId);
            centers = d == null ? List.of() : model.centers(d);
        } else if (endpoint.endsWith("ByPin")) {
            String pin = q.get("pincode");
            if (pin == null || pin.isEmpty()) {
                return ApiResult.missingParameter(endpoint);
            }
            Integer pincode = parseInt(pin);
            if (pincode == null || pin.length() != 6) {
                return ApiResult.error(400, endpoint, "APPOIN0018", "Invalid Pincode");
            }
            centers = model.centersWithPincode(pincode);
        } else {
            Integer centerId = parseInt(q.get("center_id"));
            if (centerId == null) {
                return ApiResult.missingParameter(endpoint);
            }
            Center c = model.center(centerId);
            List<ResponseBodies.CenterDays> one = c == null ? List.of() : window(List.of(c), date, CALENDAR_DAYS, now, era, false);
            return ApiResult.json(endpoint, "centers", ResponseBodies.calendarOfOneCenter(one.isEmpty() ? null : one.get(0), era));
        }
        if (calendar) {
            return ApiResult.json(endpoint, "centers", ResponseBodies.calendar(window(centers, date, CALENDAR_DAYS, now, era, false), era));
        }
        boolean onlyOpen = date.isBefore(Era.FIND_ZERO_ROWS_FROM);
        return ApiResult.json(endpoint, "sessions", ResponseBodies.sessionRows(window(centers, date, 1, now, era, onlyOpen), era));
    }

    private List<ResponseBodies.CenterDays> window(List<Center> centers, LocalDate from, int days, Instant now,
                                                   Era era, boolean onlyOpen) {
        List<ResponseBodies.CenterDays> out = new ArrayList<>(centers.size());
        LocalDate[] dates = new LocalDate[days];
        for (int d = 0; d < days; d++) {
            dates[d] = from.plusDays(d);
        }
        for (Center c : centers) {
            List<Session> sessions = new ArrayList<>();
            for (LocalDate date : dates) {
                for (Session s : model.sessions(c, date, now, era)) {
                    if (!onlyOpen || s.open()) {
                        sessions.add(s);
                    }
                }
            }
            if (!sessions.isEmpty()) {
                out.add(new ResponseBodies.CenterDays(c, sessions));
            }
        }
        return out;
    }

    private ApiResult findByLatLong(Map<String, String> q) {
        Double lat = parseDouble(q.get("lat"));
        Double lon = parseDouble(q.get("long"));
        if (lat == null || lon == null || lat < 8.06 || lat > 37.10 || lon < 68.11 || lon > 97.41) {
            return ApiResult.missingParameter("findByLatLong");
        }
        Geography.District nearest = model.geography().allDistricts().stream()
                .min(Comparator.comparingDouble(d -> sq(d.homeLat() - lat) + sq(d.homeLong() - lon)))
                .orElseThrow();
        List<Center> centers = model.centers(nearest);
        return ApiResult.json("findByLatLong", "centers",
                ResponseBodies.centerSummaries(centers.subList(0, Math.min(50, centers.size()))));
    }

    private static double sq(double x) {
        return x * x;
    }

    static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        try {
            return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8).trim());
            } catch (IllegalArgumentException e) {
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    private static Integer parseInt(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(s);
    }

    private static Double parseDouble(String s) {
        try {
            return s == null ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
