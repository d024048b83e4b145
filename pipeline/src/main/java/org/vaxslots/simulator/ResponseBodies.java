package org.vaxslots.simulator;

import java.time.LocalDate;
import java.util.List;
import org.vaxslots.model.Endpoint;

/**
 * Writes response bodies with the real API's compact JSON, key order and JSON types per era:
 * integer pincode and whole-degree lat/long, string fee, dose fields after slots in 2021
 * calendars but before fee in findBy* rows, April 2021's few fractional capacities. Hand-written
 * rather than Jackson because key order is part of the contract and this is the hot path.
 */
final class ResponseBodies {

    /** A center with the sessions of the requested window. */
    record CenterDays(Center center, List<Session> sessions) {
    }

    private ResponseBodies() {
    }

    static byte[] states(List<Geography.State> states) {
        JsonBytes sb = new JsonBytes(2048).append("{\"states\":[");
        for (int i = 0; i < states.size(); i++) {
            Geography.State s = states.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"state_id\":").append(s.id()).append(",\"state_name\":");
            str(sb, s.name()).append('}');
        }
        return bytes(sb.append("],\"ttl\":24}"));
    }

    static byte[] districts(List<Geography.District> districts) {
        JsonBytes sb = new JsonBytes(2048).append("{\"districts\":[");
        for (int i = 0; i < districts.size(); i++) {
            Geography.District d = districts.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"district_id\":").append(d.id()).append(",\"district_name\":");
            str(sb, d.name()).append('}');
        }
        return bytes(sb.append("],\"ttl\":24}"));
    }

    static byte[] calendar(List<CenterDays> centers, Era era) {
        JsonBytes sb = new JsonBytes(256 + centers.size() * 900).append("{\"centers\":[");
        for (int i = 0; i < centers.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            calendarCenter(sb, centers.get(i), era);
        }
        return bytes(sb.append("]}"));
    }

    /** calendarByCenter: {@code centers} is one object, {@code {}} when the center has no sessions. */
    static byte[] calendarOfOneCenter(CenterDays center, Era era) {
        JsonBytes sb = new JsonBytes(2048).append("{\"centers\":");
        if (center == null) {
            sb.append("{}");
        } else {
            calendarCenter(sb, center, era);
        }
        return bytes(sb.append('}'));
    }

    static byte[] sessionRows(List<CenterDays> centers, Era era) {
        JsonBytes sb = new JsonBytes(256 + centers.size() * 1200).append("{\"sessions\":[");
        boolean first = true;
        for (CenterDays cd : centers) {
            for (Session s : cd.sessions()) {
                sb.append(first ? "" : ",");
                first = false;
                sessionRow(sb, cd.center(), s, era);
            }
        }
        return bytes(sb.append("]}"));
    }

    /** findByLatLong: no recorded sample exists; fields follow the spec's center summary (unverified). */
    static byte[] centerSummaries(List<Center> centers) {
        JsonBytes sb = new JsonBytes(256 + centers.size() * 300).append("{\"centers\":[");
        for (int i = 0; i < centers.size(); i++) {
            Center c = centers.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"center_id\":").append(c.id()).append(",\"name\":");
            str(sb, c.name()).append(",\"address\":");
            str(sb, c.address()).append(",\"state_name\":");
            str(sb, c.district().stateName()).append(",\"district_name\":");
            str(sb, c.district().name()).append(",\"block_name\":");
            str(sb, c.block()).append(",\"pincode\":").append(c.pincode())
                    .append(",\"lat\":").append(c.lat()).append(",\"long\":").append(c.lon()).append('}');
        }
        return bytes(sb.append("],\"ttl\":24}"));
    }

    private static void centerHead(JsonBytes sb, Center c, Era era, boolean flat) {
        sb.append("{\"center_id\":").append(c.id()).append(",\"name\":");
        str(sb, c.name());
        if (era.hasAddress()) {
            str(sb.append(",\"address\":"), c.address());
        }
        str(sb.append(",\"state_name\":"), c.district().stateName());
        str(sb.append(",\"district_name\":"), c.district().name());
        str(sb.append(",\"block_name\":"), c.block());
        sb.append(",\"pincode\":").append(c.pincode());
        if (flat) {
            sb.append(",\"from\":\"").append(c.from()).append("\",\"to\":\"").append(c.to()).append('"');
            sb.append(",\"lat\":").append(c.lat()).append(",\"long\":").append(c.lon());
        } else {
            sb.append(",\"lat\":").append(c.lat()).append(",\"long\":").append(c.lon());
            sb.append(",\"from\":\"").append(c.from()).append("\",\"to\":\"").append(c.to()).append('"');
        }
        String feeType = era.april() && c.blankFeeTypeInApril() ? "" : c.paid() ? "Paid" : "Free";
        sb.append(",\"fee_type\":\"").append(feeType).append('"');
    }

    private static void calendarCenter(JsonBytes sb, CenterDays cd, Era era) {
        Center c = cd.center();
        centerHead(sb, c, era, false);
        sb.append(",\"sessions\":[");
        for (int i = 0; i < cd.sessions().size(); i++) {
            Session s = cd.sessions().get(i);
            sb.append(i == 0 ? "{" : ",{").append("\"session_id\":\"").append(s.sessionId())
                    .append("\",\"date\":\"");
            capacity(date(sb, s.date()).append("\",\"available_capacity\":"), s);
            ageFieldsVaccineSlots(sb, c, s, era);
            if (era.doseSplit()) {
                sb.append(",\"available_capacity_dose1\":").append(s.dose1())
                        .append(",\"available_capacity_dose2\":").append(s.dose2());
            }
            sb.append('}');
        }
        sb.append(']');
        if (c.paid() && era.hasAddress()) {
            sb.append(",\"vaccine_fees\":[{\"vaccine\":\"").append(c.vaccine())
                    .append("\",\"fee\":\"").append(c.feeRupees()).append("\"}]");
        }
        sb.append('}');
    }

    private static void sessionRow(JsonBytes sb, Center c, Session s, Era era) {
        centerHead(sb, c, era, true);
        sb.append(",\"session_id\":\"").append(s.sessionId()).append("\",\"date\":\"");
        date(sb, s.date()).append('"');
        if (!era.doseSplit()) {
            capacity(sb.append(",\"available_capacity\":"), s);
        } else if (!era.teens()) {
            sb.append(",\"available_capacity_dose1\":").append(s.dose1())
                    .append(",\"available_capacity_dose2\":").append(s.dose2())
                    .append(",\"available_capacity\":").append(s.availableCapacity());
        } else {
            sb.append(",\"available_capacity\":").append(s.availableCapacity())
                    .append(",\"available_capacity_dose1\":").append(s.dose1())
                    .append(",\"available_capacity_dose2\":").append(s.dose2());
        }
        sb.append(",\"fee\":\"").append(s.fee()).append('"');
        ageFieldsVaccineSlots(sb, c, s, era);
        sb.append('}');
    }

    /** A whole number, or the fraction an April 2021 session sends, as JavaScript would print it. */
    private static JsonBytes capacity(JsonBytes sb, Session s) {
        return s.fractionalCapacity() == null ? sb.append(s.availableCapacity()) : sb.appendShortest(s.fractionalCapacity());
    }

    private static void ageFieldsVaccineSlots(JsonBytes sb, Center c, Session s, Era era) {
        sb.append(",\"min_age_limit\":").append(s.minAgeLimit());
        if (s.maxAgeLimit() != null) {
            sb.append(",\"max_age_limit\":").append(s.maxAgeLimit());
        }
        if (s.allowAllAge() != null) {
            sb.append(",\"allow_all_age\":").append(s.allowAllAge());
        }
        sb.append(",\"vaccine\":\"").append(s.vaccine()).append("\",\"slots\":[");
        List<String> slots = c.slots();
        for (int i = 0; i < slots.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            if (era.objectSlots()) {
                // Every seat count in the one object-slot sample (Sangli, 28 Apr 2022) is 0.
                sb.append("{\"time\":\"").append(slots.get(i)).append("\",\"seats\":0}");
            } else {
                sb.append('"').append(slots.get(i)).append('"');
            }
        }
        sb.append(']');
    }

    /** {@link Endpoint#DATE_PARAM}'s text, written without the formatter for four-digit years (the formatter was a tenth of a body). */
    static JsonBytes date(JsonBytes sb, LocalDate d) {
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            return sb.append(Endpoint.DATE_PARAM.format(d));
        }
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return sb.append((char) ('0' + day / 10)).append((char) ('0' + day % 10)).append('-')
                .append((char) ('0' + month / 10)).append((char) ('0' + month % 10)).append('-').append(year);
    }

    /** As {@link #str(StringBuilder, String)}; characters that need no escape are appended in runs. */
    static JsonBytes str(JsonBytes sb, String s) {
        sb.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch != '"' && ch != '\\') {
                continue;
            }
            sb.append(s, plain, i);
            plain = i + 1;
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) ch));
            }
        }
        return sb.append(s, plain, s.length()).append('"');
    }

    static StringBuilder str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static byte[] bytes(JsonBytes sb) {
        return sb.toBytes();
    }
}
