package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * worked out here from the same bodies asked of the simulator directly. Every session lands, a
 * fractional capacity floored and marked, with the value as sent beside it; nothing is a reject.
 */
class AprilEraPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOON_29_APRIL_2021_IST = Instant.parse("2021-04-29T06:30:00Z");
    /** Chittoor, Vaishali and Saran (the list of 14 May 2021): seed 7 gives each a fractional capacity that noon. */
    private static final List<Integer> DISTRICTS = List.of(10, 89, 102);
    private static final List<Endpoint> ENDPOINTS = List.of(Endpoint.CALENDAR_BY_DISTRICT, Endpoint.FIND_BY_DISTRICT);

    @TempDir
    Path dir;

    /** What a reader of the JSON counts by hand over every body of the sweep; values as sent in text order. */
    record Counts(long centers, long blankFeeType, long sessions, long blankVaccine, long flooredCapacity,
                  List<String> fractionalAsSent) {
        Counts plus(Counts o) {
            List<String> fractional = new ArrayList<>(fractionalAsSent);
            fractional.addAll(o.fractionalAsSent);
            fractional.sort(null);
            return new Counts(centers + o.centers, blankFeeType + o.blankFeeType, sessions + o.sessions,
                    blankVaccine + o.blankVaccine, flooredCapacity + o.flooredCapacity, fractional);
        }
    }

    @Test
    void snapshotAndNormalize_april2021Districts_everySessionLandsAndFractionalOnesAreFlooredAndMarked() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Counts expected = new Counts(0, 0, 0, 0, 0, List.of());
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
        List<String> fractionalAsSent = new ArrayList<>();
        for (List<Object> row : Duck.rows("SELECT capacity_as_sent FROM " + sessions + sweep + " AND is_capacity_rounded"
                + " ORDER BY capacity_as_sent")) {
            fractionalAsSent.add((String) row.get(0));
        }
        String half = "{\"available_capacity\":0.5}";
        assertEquals(new Counts(423, 4, 529, 515, 12627, List.of(half, half, half, half,
                "{\"available_capacity\":23.700000000000003}", "{\"available_capacity\":23.700000000000003}",
                "{\"available_capacity\":3.700000000000003}")), expected, "the JSON walk, pinned so that it cannot be vacuous");
        assertEquals(6, Duck.count("SELECT count(*) FROM " + Duck.table(root.root(), "fetches") + sweep + " AND outcome = 'ok'"));
        assertEquals(expected.centers(), Duck.count("SELECT count(*) FROM " + centers + sweep));
        assertEquals(expected.blankFeeType(), Duck.count("SELECT count(*) FROM " + centers + sweep + " AND fee_type = ''"));
        assertEquals(expected.sessions(), Duck.count("SELECT count(*) FROM " + sessions + sweep));
        assertEquals(expected.blankVaccine(), Duck.count("SELECT count(*) FROM " + sessions + sweep + " AND vaccine = ''"));
        assertEquals(expected.flooredCapacity(), Duck.count("SELECT sum(available_capacity) FROM " + sessions + sweep));
        assertEquals(expected.fractionalAsSent(), fractionalAsSent);
        assertEquals(expected.fractionalAsSent().size(), Duck.count("SELECT sum(occurrences) FROM "
                + Duck.table(root.root(), "schema_events") + sweep + " AND event = 'fractional_value'"));
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.table(root.root(), "rejects") + sweep));
    }

    private static <T> String join(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining(","));
    }

    private static Counts count(byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        boolean calendar = root.has("centers");
        Set<Long> flatCenters = new HashSet<>();
        long centers = 0, blankFeeType = 0, sessions = 0, blankVaccine = 0, flooredCapacity = 0;
        List<String> fractionalAsSent = new ArrayList<>();
        for (JsonNode item : calendar ? root.get("centers") : root.get("sessions")) {
            boolean newCenter = calendar || flatCenters.add(item.get("center_id").asLong());
            centers += newCenter ? 1 : 0;
            blankFeeType += newCenter && item.get("fee_type").textValue().isEmpty() ? 1 : 0;
            for (JsonNode s : calendar ? item.get("sessions") : List.of(item)) {
                sessions++;
                blankVaccine += s.get("vaccine").textValue().isEmpty() ? 1 : 0;
                JsonNode capacity = s.get("available_capacity");
                flooredCapacity += (long) Math.floor(capacity.doubleValue());
                if (!capacity.isIntegralNumber()) {
                    fractionalAsSent.add("{\"available_capacity\":" + capacity + "}");
                }
            }
        }
        return new Counts(centers, blankFeeType, sessions, blankVaccine, flooredCapacity, fractionalAsSent);
    }
}
