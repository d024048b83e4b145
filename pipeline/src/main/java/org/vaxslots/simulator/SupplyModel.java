package org.vaxslots.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appointment supply as a pure function of (seed, center, date, simulated instant).
 *
 * <p>Each possible session (center x day x age group) exists with a probability, is published in
 * a batch at a plausible hour (same morning, the afternoon/evening before, or days ahead) and is
 * invisible before that. From publication its capacity decays exponentially as people book:
 * minutes in cities and for 18-44 in May 2021, hours to a day elsewhere and for 45+, and far
 * slower once demand fell (July 2021 on, 2022). Capacity is floored, so never negative, and is
 * frozen once the session day is over; in April 2021 a few sessions send it with a fraction.
 */
final class SupplyModel {
    private static final int[] CAPACITIES = {10, 20, 30, 50, 50, 100, 100, 100, 150, 200, 200, 300};
    /** Three of the six values quoted from the 29 April 2021 capture are halves (62.5, 12.5, 0.5). */
    private static final double[] FRACTIONS_OF_A_DOSE = {0.5, 0.5, 0.5, 0.5, 0.8, 0.7};
    private static final int[] SAME_DAY_HOURS = {8, 8, 9, 9, 10};
    private static final int[] EVE_HOURS = {12, 14, 16, 17, 18, 20};
    private static final LocalTime CLOSING = LocalTime.of(18, 0);

    private final long seed;
    private final Geography geography;
    private final CenterFactory factory;
    private final Map<Integer, List<Center>> centersByDistrict = new ConcurrentHashMap<>();
    private final Map<Integer, List<Integer>> districtsByPincode;

    SupplyModel(long seed, Geography geography) {
        this.seed = seed;
        this.geography = geography;
        this.factory = new CenterFactory(seed);
        Map<Integer, List<Integer>> pins = new HashMap<>();
        for (Geography.District d : geography.allDistricts()) {
            int n = 2 + CenterFactory.centerCount(d) / 10;
            for (int i = 0; i < n; i++) {
                pins.computeIfAbsent(d.pinBase() + i, k -> new ArrayList<>()).add(d.id());
            }
        }
        this.districtsByPincode = Map.copyOf(pins);
    }

    Geography geography() {
        return geography;
    }

    List<Center> centers(Geography.District d) {
        return centersByDistrict.computeIfAbsent(d.id(), k -> factory.centersOf(d));
    }

    /** Null when no such center exists. */
    Center center(int centerId) {
        Geography.District d = geography.district(centerId / 1000);
        if (d == null || centerId < 0) {
            return null;
        }
        List<Center> cs = centers(d);
        int index = centerId % 1000;
        return index < cs.size() ? cs.get(index) : null;
    }

    List<Center> centersWithPincode(int pincode) {
        List<Center> out = new ArrayList<>();
        for (int districtId : districtsByPincode.getOrDefault(pincode, List.of())) {
            for (Center c : centers(geography.district(districtId))) {
                if (c.pincode() == pincode) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Sessions of one center on one day visible at {@code now}, in age-group order. */
    List<Session> sessions(Center c, LocalDate date, Instant now, Era era) {
        List<Session> out = new ArrayList<>(4);
        int[] ages = ageGroups(date, era);
        for (int g = 0; g < ages.length; g++) {
            Session s = session(c, date, now, era, ages[g], g);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static int[] ageGroups(LocalDate date, Era era) {
        if (date.isBefore(Era.ADULTS_18_FROM)) {
            return new int[] {45};
        }
        if (!era.teens()) {
            return new int[] {45, 18};
        }
        return date.isBefore(Era.AGE_12_FROM) ? new int[] {45, 18, 15} : new int[] {45, 18, 15, 12};
    }

    private Session session(Center c, LocalDate date, Instant now, Era era, int minAge, int group) {
        long day = date.toEpochDay();
        long h = Mix.of(seed, c.id(), day, group);
        double base = switch (minAge) {
            case 45 -> 0.45;
            case 18 -> era.compareTo(Era.DOSE_SPLIT) < 0 ? 0.25 : 0.4;
            default -> 0.3;
        };
        if (Mix.unit(h) >= base * c.activity()) {
            return null;
        }
        LocalDateTime release = releaseAt(date, Mix.mix(h ^ 0x5e1ea5e));
        Instant released = SimClock.ist(release);
        if (now.isBefore(released)) {
            return null;
        }
        Instant closes = SimClock.ist(date.atTime(CLOSING));
        Instant until = now.isAfter(closes) ? closes : now;
        double minutes = Math.max(0, (until.toEpochMilli() - released.toEpochMilli()) / 60_000.0);
        int capacity = CAPACITIES[Mix.below(Mix.mix(h ^ 0xca9), CAPACITIES.length)];
        int remaining = (int) Math.floor(capacity * Math.exp(-minutes / bookingMinutes(c, minAge, era, h)));
        Double fractional = era.april() ? fractionalCapacity(capacity, remaining, Mix.mix(h ^ 0xf4ac)) : null;
        if (fractional != null) {
            remaining = (int) Math.floor(fractional);
        }

        String vaccine = vaccine(c, date, era, minAge, Mix.mix(h ^ 0x7ac));
        String fee = c.paid() ? Integer.toString(c.feeRupees()) : "0";
        Integer maxAge = null;
        Boolean allowAll = null;
        if (era.ageLimitFields()) {
            long a = Mix.mix(h ^ 0xa9e);
            if (minAge == 18 || minAge == 12) {
                maxAge = 44;
            }
            // July 2021: allow_all_age on a few sessions only; 2022 samples carry it on every session.
            if (era.teens() || Mix.unit(a) < 0.15) {
                allowAll = minAge == 15;
            }
        }
        int[] cap = capacities(remaining, era, Mix.mix(h ^ 0xd05e));
        return new Session(sessionId(c, day, group), date, cap[0], cap[1], cap[2], minAge, maxAge, allowAll, vaccine, fee,
                fractional);
    }

    /**
     * April 2021, ~0.3% of sessions: the session's total held a fraction of a dose and whole
     * bookings were taken off it in floating point, so what is left reads 62.5, 10.8 or
     * 0.7000000000000028 (100.7 - 100), values of the 29 April 2021 capture. Null for the others.
     */
    private static Double fractionalCapacity(int capacity, int remaining, long h) {
        if (Mix.unit(h) >= Era.APRIL_FRACTIONAL_CAPACITY_SHARE) {
            return null;
        }
        double total = capacity + FRACTIONS_OF_A_DOSE[Mix.below(h >>> 32, FRACTIONS_OF_A_DOSE.length)];
        return total - (capacity - remaining);
    }

    /** Published the same morning, the afternoon/evening before, or several days ahead. */
    private static LocalDateTime releaseAt(LocalDate date, long h) {
        double u = Mix.unit(h);
        int half = Mix.below(h >>> 20, 2) * 30;
        if (u < 0.25) {
            return date.atTime(SAME_DAY_HOURS[Mix.below(h >>> 8, SAME_DAY_HOURS.length)], half);
        }
        if (u < 0.75) {
            return date.minusDays(1).atTime(EVE_HOURS[Mix.below(h >>> 8, EVE_HOURS.length)], half);
        }
        return date.minusDays(2 + Mix.below(h >>> 8, 4)).atTime(Mix.below(h >>> 12, 2) == 0 ? 16 : 20, 0);
    }

    /** Mean booking time constant in minutes. */
    private static double bookingMinutes(Center c, int minAge, Era era, long h) {
        boolean young = minAge < 45;
        double tau = c.district().urban() ? (young ? 4 : 60) : (young ? 90 : 900);
        if (era.ageLimitFields()) {
            tau *= 6;
        }
        if (era.teens()) {
            tau *= 200;
        }
        return tau * (0.5 + 1.5 * Mix.unit(Mix.mix(h ^ 0x7a0)));
    }

    private static String vaccine(Center c, LocalDate date, Era era, int minAge, long h) {
        boolean named = era.namesVaccine()
                || era.april() && Mix.unit(Mix.mix(h ^ 0xa9a1)) < Era.APRIL_NAMED_VACCINE_SHARE;
        if (!named) {
            return "";
        }
        if (minAge == 12) {
            return "CORBEVAX";
        }
        if (minAge == 15) {
            return "COVAXIN";
        }
        double u = Mix.unit(h);
        if (c.paid() && !date.isBefore(Era.SPUTNIK_FROM) && u < 0.1) {
            return "SPUTNIK V";
        }
        if (u > 0.85) {
            return c.vaccine().equals("COVISHIELD") ? "COVAXIN" : "COVISHIELD";
        }
        return c.vaccine();
    }

    /**
     * {available_capacity, dose1, dose2}. Usually available = dose1 + dose2, but not always (as in
     * the Ghaziabad and Sangli samples); in 2022 available includes a pool beyond the dose caps.
     */
    private static int[] capacities(int remaining, Era era, long h) {
        if (!era.doseSplit() || remaining == 0) {
            return new int[] {remaining, 0, 0};
        }
        if (era.teens()) {
            int d1 = Math.min(remaining / 3, 100);
            int d2 = Math.min(remaining / 3, 100);
            return new int[] {remaining, d1, d2};
        }
        double[] dose2Shares = {0, 0, 0.1, 0.3, 0.5, 1.0};
        int d2 = (int) Math.floor(remaining * dose2Shares[Mix.below(h, dose2Shares.length)]);
        int d1 = remaining - d2;
        double u = Mix.unit(Mix.mix(h));
        int k = 1 + Mix.below(h >>> 32, 5);
        if (u < 0.01) {
            return new int[] {Math.max(0, remaining - k), d1, d2};
        }
        if (u < 0.03) {
            return new int[] {remaining + k, d1, d2};
        }
        return new int[] {remaining, d1, d2};
    }

    private String sessionId(Center c, long day, int group) {
        long hi = Mix.of(seed, c.id(), day, 0x5e55_0000L + group);
        long lo = Mix.mix(hi ^ 0x1d);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
