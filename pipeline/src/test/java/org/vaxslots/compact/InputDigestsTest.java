package org.vaxslots.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;

/**
 * state/compact-inputs.tsv: a run that adds a sweep appends its line and leaves the others' bytes
 * alone; a line cut short or damaged is not used and the file is rewritten; any file name reads
 * back as it was; lines of the format before the CRC are still read.
 */
class InputDigestsTest {
    private static final String DIGEST = "ab".repeat(32);

    @TempDir
    Path dir;

    private static InputDigests.Entry entry(long markerBytes, List<String> files) {
        return new InputDigests.Entry(markerBytes, 1_000, 2_000, DIGEST, InputDigests.files(files));
    }

    /** One run's remembering: the file loaded, these entries remembered, saved for these sweeps. */
    private static void run(DataRoot root, Map<String, InputDigests.Entry> remembered, Set<String> sweeps) throws Exception {
        InputDigests d = InputDigests.load(root);
        remembered.forEach(d::remember);
        d.save(sweeps);
    }

    private static InputDigests.Entry stat(long markerBytes) {
        return new InputDigests.Entry(markerBytes, 1_000, 2_000, null, null);
    }

    @Test
    void save_newSweep_appendsItsLineOnly_andAGoneSweepRewritesTheFile() throws Exception {
        DataRoot root = new DataRoot(dir);
        InputDigests first = InputDigests.load(root);
        first.remember("s1", entry(10, List.of("tables/sessions/sweep_id=s1/part-00000.parquet")));
        first.remember("s2", entry(20, List.of()));
        first.save(Set.of("s1", "s2"));
        byte[] before = Files.readAllBytes(root.compactInputs());

        InputDigests second = InputDigests.load(root);
        assertEquals(List.of("tables/sessions/sweep_id=s1/part-00000.parquet"), second.known("s1", stat(10)).sessionFiles());
        assertEquals(List.of(), second.known("s2", stat(20)).sessionFiles());
        assertNull(second.known("s1", stat(11)), "another marker size: worked out again");
        second.remember("s3", entry(30, List.of("a.parquet")));
        second.save(Set.of("s1", "s2", "s3"));
        String after = Files.readString(root.compactInputs());
        assertTrue(after.startsWith(new String(before, StandardCharsets.UTF_8)), after);
        assertEquals(3, after.lines().count());

        InputDigests changed = InputDigests.load(root);
        changed.remember("s1", entry(11, List.of("b.parquet")));
        changed.save(Set.of("s1", "s2", "s3"));
        assertEquals(4, Files.readAllLines(root.compactInputs()).size(), "appended: the later line wins");
        assertEquals(List.of("b.parquet"), InputDigests.load(root).known("s1", stat(11)).sessionFiles());

        InputDigests removed = InputDigests.load(root);
        removed.save(Set.of("s1", "s3"));
        List<String> lines = Files.readAllLines(root.compactInputs());
        assertEquals(2, lines.size(), "rewritten whole, one line per sweep: " + lines);
        assertTrue(lines.get(0).startsWith("s1\t11\t"), lines.get(0));
    }

    @Test
    void load_lineCutShortOrDamaged_notUsedAndFileRewritten() throws Exception {
        DataRoot root = new DataRoot(dir);
        run(root, Map.of("s1", entry(10, List.of("a.parquet")), "s2", entry(20, List.of("b.parquet", "c.parquet"))),
                Set.of("s1", "s2"));
        String whole = Files.readString(root.compactInputs());
        String secondLine = whole.lines().toList().get(1);

        // Cut inside s2's list of files: without its line break and its CRC, the line is not read.
        Files.writeString(root.compactInputs(), whole.substring(0, whole.indexOf("c.parquet")));
        InputDigests cut = InputDigests.load(root);
        assertEquals(List.of("a.parquet"), cut.known("s1", stat(10)).sessionFiles());
        assertNull(cut.known("s2", stat(20)));
        cut.remember("s2", entry(20, List.of("b.parquet", "c.parquet")));
        cut.save(Set.of("s1", "s2"));
        assertEquals(whole, Files.readString(root.compactInputs()), "rewritten, not appended to the cut line");

        // A changed byte with its line break intact: the CRC no longer matches.
        Files.writeString(root.compactInputs(), whole.replace(secondLine, secondLine.replace("c.parquet", "d.parquet")));
        assertNull(InputDigests.load(root).known("s2", stat(20)));
    }

    @Test
    void load_fileCutAtAnyByte_everyEntryReadIsOneThatWasWritten() throws Exception {
        DataRoot root = new DataRoot(dir);
        Map<String, List<String>> written = Map.of("s1", List.of("a.parquet"), "s2", List.of("b.parquet", "c d.parquet"),
                "s3", List.of(), "s4", List.of("e.parquet", "f.parquet"));
        Map<String, Long> sizes = Map.of("s1", 10L, "s2", 20L, "s3", 30L, "s4", 40L);
        run(root, Map.of("s1", entry(10, written.get("s1")), "s2", entry(20, written.get("s2")), "s3", entry(30, written.get("s3"))),
                Set.of("s1", "s2", "s3"));
        run(root, Map.of("s4", entry(40, written.get("s4"))), written.keySet());
        byte[] whole = Files.readAllBytes(root.compactInputs());
        // As a crash can leave it: any prefix of the file. A sweep is either known exactly or worked out again.
        for (int cut = 0; cut <= whole.length; cut++) {
            Files.write(root.compactInputs(), java.util.Arrays.copyOf(whole, cut));
            InputDigests loaded = InputDigests.load(root);
            int known = 0;
            for (String id : written.keySet()) {
                InputDigests.Entry e = loaded.known(id, stat(sizes.get(id)));
                if (e != null) {
                    assertEquals(written.get(id), e.sessionFiles(), "cut at byte " + cut);
                    known++;
                }
            }
            String text = new String(whole, 0, cut, StandardCharsets.UTF_8);
            assertEquals(text.chars().filter(c -> c == '\n').count(), known, "cut at byte " + cut + ": one entry per whole line");
        }
    }

    @Test
    void files_anyName_readBackAsWritten() throws Exception {
        DataRoot root = new DataRoot(dir);
        List<String> names = List.of("a b.parquet", "tab\there.parquet", "line\nbreak.parquet", "100%.parquet",
                "%41.parquet", "bilingual-\u0939\u093f\u0902\u0926\u0940.parquet");
        InputDigests d = InputDigests.load(root);
        d.remember("s1", entry(10, names));
        d.save(Set.of("s1"));
        assertEquals(1, Files.readAllLines(root.compactInputs()).size());
        assertEquals(names, InputDigests.load(root).known("s1", stat(10)).sessionFiles());
    }

    @Test
    void load_linesOfTheFormatBeforeTheCrc_read() throws Exception {
        DataRoot root = new DataRoot(dir);
        Files.createDirectories(root.state());
        Files.writeString(root.compactInputs(), "s1\t10\t1000\t2000\t" + DIGEST + "\ta.parquet b.parquet\n"
                + "s2\t20\t1000\t2000\t" + DIGEST + "\t100%.parquet\n");
        InputDigests old = InputDigests.load(root);
        assertEquals(List.of("a.parquet", "b.parquet"), old.known("s1", stat(10)).sessionFiles());
        assertNull(old.known("s2", stat(20)), "a '%' was not escaped then: worked out again");
        old.remember("s2", entry(20, List.of("100%.parquet")));
        old.save(Set.of("s1", "s2"));
        List<String> lines = Files.readAllLines(root.compactInputs());
        assertEquals(2, lines.size(), "rewritten in the new format: " + lines);
        assertNotEquals("s1\t10\t1000\t2000\t" + DIGEST + "\ta.parquet b.parquet", lines.get(0));
        assertEquals(List.of("100%.parquet"), InputDigests.load(root).known("s2", stat(20)).sessionFiles());
    }
}
