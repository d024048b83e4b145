package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;

/** The raw files' digests are read once and remembered; a file that changed in size or time is read again. */
class RawDigestsTest {
    @TempDir
    Path dir;

    @Test
    void knownFilesAreNotReadAgain_changedOnesAre_goneOnesForgotten() throws Exception {
        DataRoot root = new DataRoot(dir);
        Path a = Files.createDirectories(root.rawSweep("s1")).resolve("a.warc.gz");
        Path b = root.rawSweep("s1").resolve("b.warc.gz");
        Files.write(a, new byte[] {1, 2, 3});
        Files.write(b, "another file".getBytes(StandardCharsets.UTF_8));
        String ra = root.relative(a);
        String rb = root.relative(b);

        RawDigests first = RawDigests.load(root);
        assertEquals(PackFacts.sha256(a), first.sha256(ra));
        assertEquals(PackFacts.sha256(b), first.sha256(rb));
        assertEquals(2, first.filesRead());
        first.save();

        RawDigests second = RawDigests.load(root);
        assertEquals(PackFacts.sha256(a), second.sha256(ra));
        assertEquals(PackFacts.sha256(b), second.sha256(rb));
        assertEquals(0, second.filesRead(), "both remembered");

        Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2021-05-24T00:00:00Z")));
        RawDigests third = RawDigests.load(root);
        assertEquals(PackFacts.sha256(b), third.sha256(rb));
        assertEquals(1, third.filesRead(), "a file with another modification time is read again");
        Files.delete(a);
        third.save();
        List<String> lines = Files.readAllLines(RawDigests.file(root));
        assertEquals(1, lines.size(), "the deleted file is forgotten: " + lines);
        assertEquals(rb, lines.get(0).split("\t")[0]);

        Files.writeString(RawDigests.file(root), rb + "\tnot a size\t0\t" + "0".repeat(64) + "\n");
        RawDigests damaged = RawDigests.load(root);
        assertEquals(PackFacts.sha256(b), damaged.sha256(rb));
        assertEquals(1, damaged.filesRead(), "an unreadable line costs a re-read, never a wrong digest");
    }
}
