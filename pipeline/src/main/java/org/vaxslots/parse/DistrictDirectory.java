package org.vaxslots.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Co-WIN district ids by exact (state name, district name), from the official list of 14 May 2021
 * shipped in the jar. Names are compared as sent, trailing spaces included: a near match is no
 * match, so an id is never guessed.
 */
public final class DistrictDirectory {
    static final String RESOURCE = "/org/vaxslots/reference/cowin_districts_2021-05-14.csv";

    private final Map<String, Integer> ids;

    private DistrictDirectory(Map<String, Integer> ids) {
        this.ids = Map.copyOf(ids);
    }

    public static DistrictDirectory load() {
        try (InputStream in = DistrictDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: rebuild the jar");
            }
            Map<String, Integer> ids = new HashMap<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(false).get();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                ids.put(key(r.get("state_name"), r.get("district name")), Integer.parseInt(r.get("district id")));
            }
            return new DistrictDirectory(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<Integer> idOf(String stateName, String districtName) {
        return Optional.ofNullable(ids.get(key(stateName, districtName)));
    }

    public int size() {
        return ids.size();
    }

    private static String key(String state, String district) {
        return state + '\u0000' + district;
    }
}
