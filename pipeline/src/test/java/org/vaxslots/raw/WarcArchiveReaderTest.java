package org.vaxslots.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Samples;
import org.vaxslots.ingest.ImportJob;

class WarcArchiveReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void read_fileTruncatedMidRecord_yieldsWholeRecordsThenOneDamage() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        List<String> names = Samples.availabilityNames().subList(0, 3);
        ImportJob.Result r = ImportJob.run(root, new ImportJob.Request("s", NOW, null, Map.of(),
                List.of(Samples.writeTo(dir.resolve("in"), names))), NOW, w -> { });
        byte[] whole = Files.readAllBytes(r.warcFile());
        Path cut = dir.resolve("cut.warc.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 2000));
        List<ArchivedResponse> responses = new ArrayList<>();
        List<ArchiveDamage> damage = new ArrayList<>();

        WarcArchiveReader.read(cut, "cut.warc.gz", responses::add, damage::add);

        assertEquals(List.of(names.get(0), names.get(1)),
                responses.stream().map(a -> a.field(RawHeaders.SOURCE_FILE)).toList());
        assertEquals(1, damage.size());
        assertTrue(damage.get(0).offset() > 0);
        assertTrue(damage.get(0).reason().matches("(record|raw file) unreadable.*"),
                damage.get(0).reason());
    }

    @Test
    void read_garbageFile_isOneDamageNotAnException() throws Exception {
        Path junk = dir.resolve("junk.warc.gz");
        Files.write(junk, "this is not a WARC file at all\n".repeat(10).getBytes());
        List<ArchiveDamage> damage = new ArrayList<>();

        WarcArchiveReader.read(junk, "junk.warc.gz", a -> { }, damage::add);

        assertEquals(1, damage.size());
        assertEquals(0, damage.get(0).offset());
    }
}
