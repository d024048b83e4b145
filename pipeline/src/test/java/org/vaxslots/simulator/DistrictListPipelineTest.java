package org.vaxslots.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;

/**
 * A live sweep of two states on the simulator, as a user runs it: {@code vaxslots snapshot} asks
 * for the states, then each state's districts, then each district's calendar; {@code normalize}
 * keeps every district of the districts answers in listed_districts; {@code report} measures the
 * sweep's crawl coverage against that list of the day (district_list 'sweep'), not the bundled one.
 */
class DistrictListPipelineTest {
    private static final Instant NOON_24_MAY_2021_IST = Instant.parse("2021-05-24T06:30:00Z");
    private static final int GOA = 10;
    private static final int KERALA = 17;
    private static final int DISTRICTS_OF_GOA_AND_KERALA = 2 + 14;

    @TempDir
    Path dir;

    @Test
    void snapshotNormalizeReport_sweepOfTwoStates_listsTheirDistrictsAndCoverageUsesThatList() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7)
                .withStart(NOON_24_MAY_2021_IST).withSpeed(0).withRateLimit(null))) {
            Cli.Run snapshot = Cli.run("snapshot", "--quiet", "--data-root", root.root().toString(),
                    "--source", sim.baseUri().toString(), "--date", "24-05-2021", "--states", GOA + "," + KERALA,
                    "--budget", "1000/1s", "--sweep-id", "may24");
            assertEquals(0, snapshot.exit(), snapshot.err());
        }
        Cli.Run normalize = Cli.run("normalize", "--data-root", root.root().toString());
        assertEquals(0, normalize.exit(), normalize.err());
        Geography geography = Geography.load();
        List<List<Object>> expected = new ArrayList<>();
        for (int state : List.of(GOA, KERALA)) {
            geography.districtsOf(state).stream().sorted(Comparator.comparingInt(Geography.District::id))
                    .forEach(d -> expected.add(List.of("may24", state, d.id(), d.name())));
        }

        List<List<Object>> listed = Duck.rows("SELECT listed.sweep_id, listed.state_id, listed.district_id, listed.district_name"
                + " FROM " + Duck.table(root.root(), "listed_districts") + " AS listed"
                + " INNER JOIN " + Duck.table(root.root(), "fetches") + " AS fetches"
                + " ON fetches.fetch_id = listed.fetch_id AND fetches.endpoint = 'districts'"
                + " AND fetches.state_id = listed.state_id ORDER BY listed.state_id, listed.district_id");

        assertEquals(DISTRICTS_OF_GOA_AND_KERALA, expected.size(), "the simulator's districts of Goa and Kerala");
        assertEquals(expected, listed);
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.table(root.root(), "rejects")));

        Cli.Run report = Cli.run("report", "--data-root", root.root().toString(), "--release", "may24");
        assertEquals(0, report.exit(), report.err());
        Path pack = root.root().resolve("reports/may24");
        List<CSVRecord> crawl = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(pack.resolve("crawl_coverage.csv"), StandardCharsets.UTF_8)))
                .getRecords();
        assertEquals(1, crawl.size());
        CSVRecord sweep = crawl.get(0);
        assertEquals(List.of("may24", "19", "16", "sweep", "16", "0"), List.of(sweep.get("sweep_id"),
                sweep.get("fetches_count"), sweep.get("districts_attempted"), sweep.get("district_list"),
                sweep.get("districts_listed"), sweep.get("districts_not_attempted")),
                "1 states + 2 districts + 16 calendar fetches; every listed district asked for");
        String readme = Files.readString(pack.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("Against the district list of the day (the districts the sweeps' own districts answers"
                + " listed: 16 districts in 2 states), the sweeps together asked for 16 of the 16 districts, in 2 of the 2"
                + " states, and never for 0; each sweep asked for 16"), readme);
    }
}
