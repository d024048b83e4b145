package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.store.DataRoot;

/** The validators file: what it keeps across sweeps, and that what it cannot read is counted, not trusted. */
class ValidatorsTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8080/api");

    @TempDir
    Path dir;

    @Test
    void writtenThenRead_givesTheSameEntries() throws Exception {
        DataRoot root = new DataRoot(dir);
        Validators v = Validators.read(root, BASE);
        assertEquals(0, v.size());
        assertEquals(0, v.ignoredLines(), "no file is the first sweep, not a damaged one");
        Validators.Entry e = new Validators.Entry("W/\"a1-ff\"", "20210524T063000Z", FetchOutcome.OK,
                Instant.parse("2021-05-24T06:30:01Z"), URI.create("http://127.0.0.1:8080/api/v2/x?district_id=395"));
        v.captured("calendarByDistrict?date=24-05-2021&district_id=395", e);
        v.write(root, BASE);
        Validators again = Validators.read(root, BASE);
        assertEquals(e, again.get("calendarByDistrict?date=24-05-2021&district_id=395").orElseThrow());
        assertEquals(0, again.ignoredLines());
    }

    @Test
    void unreadableLines_areLeftOutAndCounted() throws Exception {
        DataRoot root = new DataRoot(dir);
        String good = "k1\tW/\"a1-ff\"\t20210524T063000Z\tok\t2021-05-24T06:30:01Z\thttp://127.0.0.1:8080/api/a\n"
                + "k2\t\"strong\"\t20210524T064500Z\tempty\t2021-05-24T06:45:01Z\thttp://127.0.0.1:8080/api/b\n";
        String bad = "k3\tnot-an-etag\t20210524T063000Z\tok\t2021-05-24T06:30:01Z\thttp://x/a\n"
                + "k4\tW/\"a1\"\t../escape\tok\t2021-05-24T06:30:01Z\thttp://x/a\n"
                + "k5\tW/\"a1\"\t20210524T063000Z\tthrottled\t2021-05-24T06:30:01Z\thttp://x/a\n"
                + "k6\tW/\"a1\"\t20210524T063000Z\tok\tyesterday\thttp://x/a\n"
                + "k7\tW/\"a1\"\t20210524T063000Z\tok\n"
                + "k8\tW/\"a1\"\t20210524T063000Z\tok\t2021-05-24T06:30:01Z\thttp://x/a b\n";
        Path file = Validators.file(root, BASE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, good + bad, StandardCharsets.UTF_8);
        Validators v = Validators.read(root, BASE);
        assertEquals(2, v.size());
        assertEquals(6, v.ignoredLines());
        assertTrue(v.get("k1").isPresent() && v.get("k2").isPresent());
        assertTrue(v.get("k3").isEmpty());
    }
}
