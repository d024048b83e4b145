package org.vaxslots.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates a district's centers from the seed and district id alone, so they are built lazily,
 * on first request, and identically in every run. Names, blocks, pincodes and coordinates imitate
 * the real samples: facility-type prefixes, "18 To 44" suffixes, whole-degree lat/long that are
 * sometimes 0 or swapped, paid private hospitals with vaccine_fees, and the few centers whose
 * fee_type the April 2021 era left empty.
 */
final class CenterFactory {
    /** Roughly one center per this many people, which gives Raigad (2.6 M) ~100 centers. */
    static final long PEOPLE_PER_CENTER = 25_000;
    static final int MIN_CENTERS = 3;
    static final int MAX_CENTERS = 400;

    private static final String[] SYLLABLES = {"ra", "ma", "na", "pur", "ga", "nj", "ko", "ta", "la", "bad", "ha",
            "ri", "sa", "war", "khe", "da", "se", "li", "ban", "ga", "ur", "ka", "ni", "vi", "ja", "mb"};
    private static final String[] PUBLIC_TYPES = {"PHC", "CHC", "UPHC", "APHC", "Sub Centre", "Govt School",
            "Community Hall", "District Hospital", "Civil Hospital", "PHC", "UPHC", "CHC"};
    private static final String[] PRIVATE_TYPES = {"Hospital", "Multispeciality Hospital", "Medical Centre", "Clinic"};
    private static final String[][] HOURS = {
            {"09:00:00", "18:00:00", "09:00AM-11:00AM", "11:00AM-01:00PM", "01:00PM-03:00PM", "03:00PM-06:00PM"},
            {"09:00:00", "17:00:00", "09:00AM-11:00AM", "11:00AM-01:00PM", "01:00PM-03:00PM", "03:00PM-05:00PM"},
            {"09:00:00", "15:00:00", "09:00AM-10:00AM", "10:00AM-11:00AM", "11:00AM-12:00PM", "12:00PM-03:00PM"},
            {"10:00:00", "16:00:00", "10:00AM-11:00AM", "11:00AM-12:00PM", "12:00PM-01:00PM", "01:00PM-04:00PM"},
            {"10:30:00", "16:00:00", "10:30AM-11:30AM", "11:30AM-12:30PM", "12:30PM-01:30PM", "01:30PM-04:00PM"},
    };
    private static final String[] PAID_FEES = {"780", "850", "900", "1000"};

    private final long seed;

    CenterFactory(long seed) {
        this.seed = seed;
    }

    static int centerCount(Geography.District d) {
        return (int) Math.max(MIN_CENTERS, Math.min(MAX_CENTERS, d.population() / PEOPLE_PER_CENTER));
    }

    List<Center> centersOf(Geography.District d) {
        int n = centerCount(d);
        int blocks = 2 + n / 15;
        int pins = 2 + n / 10;
        List<Center> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(center(d, i, blocks, pins));
        }
        return List.copyOf(out);
    }

    private Center center(Geography.District d, int index, int blocks, int pins) {
        long h = Mix.of(seed, d.id(), index, 0xce17e5);
        String block = blockName(d, Mix.below(h, blocks));
        String place = placeName(Mix.of(seed, d.id(), index, 0x91ace));
        boolean paid = Mix.unit(Mix.mix(h ^ 1)) < (d.urban() ? 0.08 : 0.02);
        String name = paid
                ? place + " " + PRIVATE_TYPES[Mix.below(h >>> 8, PRIVATE_TYPES.length)]
                : PUBLIC_TYPES[Mix.below(h >>> 12, PUBLIC_TYPES.length)] + " " + place;
        double suffix = Mix.unit(Mix.mix(h ^ 2));
        if (suffix < 0.12) {
            name += " 18 To 44";
        } else if (suffix < 0.16) {
            name += " Covaxin";
        } else if (suffix < 0.20) {
            name += " " + (2 + Mix.below(h >>> 20, 3));
        } else if (suffix < 0.23) {
            name = name.toUpperCase(Locale.ROOT);
        }
        String vaccine = Mix.unit(Mix.mix(h ^ 3)) < (name.endsWith("Covaxin") ? 1.0 : 0.15) ? "COVAXIN" : "COVISHIELD";
        String[] hours = HOURS[Mix.below(h >>> 16, HOURS.length)];
        boolean overnight = Mix.unit(Mix.mix(h ^ 4)) < 0.005;
        int[] latLong = latLong(d, Mix.mix(h ^ 5));
        return new Center(d.id() * 1000 + index, d, name,
                place + " " + block + " " + d.name().trim(), block,
                d.pinBase() + Mix.below(h >>> 24, pins), latLong[0], latLong[1],
                overnight ? "21:30:00" : hours[0], overnight ? "03:30:00" : hours[1],
                overnight ? List.of() : List.of(hours[2], hours[3], hours[4], hours[5]),
                vaccine, paid ? Integer.parseInt(PAID_FEES[Mix.below(h >>> 28, PAID_FEES.length)]) : 0,
                0.5 + Mix.unit(Mix.mix(h ^ 6)), Mix.unit(Mix.mix(h ^ 7)) < Era.APRIL_BLANK_FEE_TYPE_SHARE);
    }

    /** Whole degrees, often 0 and sometimes swapped or absurd, as in the Raigad and Basti samples. */
    private static int[] latLong(Geography.District d, long h) {
        double u = Mix.unit(h);
        int lat = (int) d.homeLat();
        int lon = (int) d.homeLong();
        if (u < 0.10) {
            return new int[] {0, 0};
        }
        if (u < 0.12) {
            return new int[] {lon, lat};
        }
        if (u < 0.13) {
            return new int[] {lat, lat};
        }
        return new int[] {lat, lon};
    }

    private String blockName(Geography.District d, int block) {
        if (block == 0) {
            return d.name().trim();
        }
        if (d.urban() && block == 1) {
            return "Not Applicable";
        }
        return placeName(Mix.of(seed, d.id(), block, 0xb10c));
    }

    private static String placeName(long h) {
        int parts = 2 + Mix.below(h, 2);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            h = Mix.mix(h);
            sb.append(SYLLABLES[Mix.below(h, SYLLABLES.length)]);
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }
}
