package org.vaxslots.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real Co-WIN geography of 14 May 2021 (37 states, 756 districts, names verbatim including
 * trailing spaces) joined to covid19india's district populations, loaded from this package's
 * resources. See SOURCES.md next to the CSVs.
 */
final class Geography {
    /** Used where the join reaches no population (3 names miss the crosswalk, 12 keys have none). */
    static final long FALLBACK_POPULATION = 1_000_000L;

    record State(int id, String name) {
    }

    record District(int id, String name, int stateId, String stateName, long population, boolean urban,
                    double homeLat, double homeLong, int pinBase) {
    }

    private final List<State> states;
    private final Map<Integer, List<District>> byState;
    private final Map<Integer, District> byId;

    private Geography(List<State> states, Map<Integer, List<District>> byState, Map<Integer, District> byId) {
        this.states = states;
        this.byState = byState;
        this.byId = byId;
    }

    List<State> states() {
        return states;
    }

    List<District> districtsOf(int stateId) {
        return byState.getOrDefault(stateId, List.of());
    }

    District district(int id) {
        return byId.get(id);
    }

    List<District> allDistricts() {
        return byId.values().stream().sorted(Comparator.comparingInt(District::id)).toList();
    }

    static Geography load() {
        List<String[]> districtRows = csv("/org/vaxslots/reference/cowin_districts_2021-05-14.csv");
        Map<String, String> cowinKeyToDistrictKey = new HashMap<>();
        Map<String, String> byNameOnly = new HashMap<>();
        for (String[] r : csv("cowin_key_crosswalk_2021-11-30.csv")) {
            cowinKeyToDistrictKey.put(key(r[2], r[4]), r[3]);
            // The crosswalk names the merged UT "Dadra and Nagar Haveli and Daman and Diu"; the
            // 2021 Co-WIN list still has two states. A district name unique in India is enough.
            byNameOnly.merge(key("", r[4]), r[3], (a, b) -> "");
        }
        for (String[] r : districtRows) {
            String name = key("", r[2]);
            if (!cowinKeyToDistrictKey.containsKey(key(r[3], r[2])) && !byNameOnly.getOrDefault(name, "").isEmpty()) {
                cowinKeyToDistrictKey.put(key(r[3], r[2]), byNameOnly.get(name));
            }
        }
        Map<String, Long> population = new HashMap<>();
        for (String[] r : csv("districts_meta_population.csv")) {
            if (r.length > 5 && !r[5].isBlank()) {
                population.put(r[3], Long.parseLong(r[5].trim()));
            }
        }
        // The crosswalk is many-to-one (BBMP and Bangalore Urban -> KA_Bengaluru Urban): split the
        // census population evenly over the Co-WIN units that share it, so India is not double counted.
        Map<String, Integer> sharers = new HashMap<>();
        for (String[] r : districtRows) {
            sharers.merge(cowinKeyToDistrictKey.getOrDefault(key(r[3], r[2]), "?"), 1, Integer::sum);
        }
        Map<Integer, String> stateNames = new HashMap<>();
        Map<Integer, List<District>> byState = new HashMap<>();
        Map<Integer, District> byId = new HashMap<>();
        for (String[] r : districtRows) {
            int stateId = Integer.parseInt(r[0].trim());
            int id = Integer.parseInt(r[1].trim());
            String name = r[2];
            String stateName = r[3];
            String districtKey = cowinKeyToDistrictKey.get(key(stateName, name));
            Long censusPop = districtKey == null ? null : population.get(districtKey);
            long pop = censusPop == null ? FALLBACK_POPULATION : censusPop / sharers.get(districtKey);
            StateFacts facts = StateFacts.of(stateId);
            long h = Mix.of(0x6e6f, id);
            District d = new District(id, name, stateId, stateName, pop, isUrban(name, stateId, pop),
                    facts.lat() + (Mix.unit(h) - 0.5) * 3, facts.lon() + (Mix.unit(Mix.mix(h)) - 0.5) * 3,
                    facts.pinPrefix() * 10_000 + (10 + Mix.below(h >>> 7, 89)) * 100);
            stateNames.put(stateId, stateName);
            byState.computeIfAbsent(stateId, k -> new ArrayList<>()).add(d);
            byId.put(id, d);
        }
        List<State> states = stateNames.entrySet().stream()
                .map(e -> new State(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(State::name))
                .toList();
        byState.replaceAll((k, v) -> List.copyOf(v));
        return new Geography(states, Map.copyOf(byState), Map.copyOf(byId));
    }

    private static boolean isUrban(String name, int stateId, long pop) {
        String n = name.toLowerCase(Locale.ROOT);
        return stateId == 9 || stateId == 6 || pop >= 4_000_000 || n.contains("corporation")
                || n.contains("bbmp") || n.contains("urban") || n.equals("mumbai") || n.equals("kolkata")
                || n.equals("chennai") || n.equals("hyderabad") || n.equals("pune") || n.equals("ghaziabad");
    }

    private static String key(String state, String district) {
        return state.trim().toLowerCase(Locale.ROOT) + "|" + district.trim().toLowerCase(Locale.ROOT);
    }

    /** Rows after the header; minimal RFC 4180 parsing (quoted fields may contain commas). */
    private static List<String[]> csv(String resource) {
        try (InputStream in = Geography.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (relative names are in org/vaxslots/simulator/)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(splitCsvLine(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    private static String[] splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
