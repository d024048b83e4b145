package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.Endpoint;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;

/**
 * A simulated April 2021 day end to end, as a user runs it: {@code vaxslots snapshot} over
 * loopback → WARC → {@code vaxslots normalize} → Parquet read back with DuckDB, against counts
 * worked out here from the same bodies asked of the simulator directly. A fractional capacity is
 * not a whole number, so today its session is a reject with that reason and the rest of its
 * response lands (issue 12 item 4 will keep such sessions).
 */
class AprilEraPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOON_29_APRIL_2021_IST = Instant.parse("2021-04-29T06:30:00Z");
    /** Chittoor, Vaishali and Saran (the list of 14 May 2021): seed 7 gives each a fractional capacity that noon. */
    private static final List<Integer> DISTRICTS = List.of(10, 89, 102);
    private static final List<Endpoint> ENDPOINTS = List.of(Endpoint.CALENDAR_BY_DISTRICT, Endpoint.FIND_BY_DISTRICT);

    @TempDir
    Path dir;

    /**
     * What a reader of the JSON counts by hand over every body of the sweep. A findBy* row's center
     * is a row of {@code centers} only through a session that lands, so it counts only then.
     */
    record Counts(long centers, long blankFeeType, long wholeSessions, long wholeBlankVaccine, long wholeCapacity,
                  long fractional) {
        Counts plus(Counts o) {
            return new Counts(centers + o.centers, blankFeeType + o.blankFeeType, wholeSessions + o.wholeSessions,
                    wholeBlankVaccine + o.wholeBlankVaccine, wholeCapacity + o.wholeCapacity, fractional + o.fractional);
        }
    }

    @Test
    void snapshotAndNormalize_april2021Districts_everyWholeSessionLandsAndEachFractionalOneIsAReject() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Counts expected = new Counts(0, 0, 0, 0, 0, 0);
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7)
                .withStart(NOON_29_APRIL_2021_IST).withSpeed(0).withRateLimit(null))) {
            Cli.Run snapshot = Cli.run("snapshot", "--quiet", "--data-root", root.root().toString(),
                    "--source", sim.baseUri().toString(), "--date", "29-04-2021", "--districts", join(DISTRICTS, Object::toString),
                    "--endpoints", join(ENDPOINTS, Endpoint::apiName), "--budget", "1000/1s", "--sweep-id", "apr29");
            assertEquals(0, snapshot.exit(), snapshot.err());

            SimHttp http = new SimHttp(sim);
            for (int district : DISTRICTS) {
                for (Endpoint e : ENDPOINTS) {
                    expected = expected.plus(count(http.get(e.path() + "?district_id=" + district + "&date=29-04-2021").body()));
                }
            }
        }
        Cli.Run normalize = Cli.run("normalize", "--data-root", root.root().toString());
        assertEquals(0, normalize.exit(), normalize.err());

        String sweep = " WHERE sweep_id = 'apr29'";
        String centers = Duck.table(root.root(), "centers");
        String sessions = Duck.table(root.root(), "sessions");
        String rejects = Duck.table(root.root(), "rejects");
        assertEquals(new Counts(421, 4, 522, 508, 12578, 7), expected, "the JSON walk, pinned so that it cannot be vacuous");
        assertEquals(6, Duck.count("SELECT count(*) FROM " + Duck.table(root.root(), "fetches") + sweep + " AND outcome = 'ok'"));
        assertEquals(expected.centers(), Duck.count("SELECT count(*) FROM " + centers + sweep));
        assertEquals(expected.blankFeeType(), Duck.count("SELECT count(*) FROM " + centers + sweep + " AND fee_type = ''"));
        assertEquals(expected.wholeSessions(), Duck.count("SELECT count(*) FROM " + sessions + sweep));
        assertEquals(expected.wholeBlankVaccine(), Duck.count("SELECT count(*) FROM " + sessions + sweep + " AND vaccine = ''"));
        assertEquals(expected.wholeCapacity(), Duck.count("SELECT sum(available_capacity) FROM " + sessions + sweep));
        assertEquals(expected.fractional(), Duck.count("SELECT count(*) FROM " + rejects + sweep
                + " AND record_path LIKE '%sessions[%]' AND reason LIKE '%available_capacity%whole number%'"));
        assertEquals(expected.fractional(), Duck.count("SELECT count(*) FROM " + rejects + sweep));
    }

    private static <T> String join(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining(","));
    }

    private static Counts count(byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        boolean calendar = root.has("centers");
        Set<Long> landedFlatCenters = new HashSet<>();
        long centers = 0, blankFeeType = 0, wholeSessions = 0, wholeBlankVaccine = 0, wholeCapacity = 0, fractional = 0;
        for (JsonNode item : calendar ? root.get("centers") : root.get("sessions")) {
            long whole = 0;
            for (JsonNode s : calendar ? item.get("sessions") : List.of(item)) {
                JsonNode capacity = s.get("available_capacity");
                if (!capacity.isIntegralNumber()) {
                    fractional++;
                    continue;
                }
                whole++;
                wholeBlankVaccine += s.get("vaccine").textValue().isEmpty() ? 1 : 0;
                wholeCapacity += capacity.longValue();
            }
            wholeSessions += whole;
            boolean centerRow = calendar || whole > 0 && landedFlatCenters.add(item.get("center_id").asLong());
            centers += centerRow ? 1 : 0;
            blankFeeType += centerRow && item.get("fee_type").textValue().isEmpty() ? 1 : 0;
        }
        return new Counts(centers, blankFeeType, wholeSessions, wholeBlankVaccine, wholeCapacity, fractional);
    }
}
