package org.vaxslots.raw;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes at all, as a raw WARC file: the reader hands over whole records and reports the rest
 * as damage; the only exception it may throw is an IOException from opening the file. In the
 * normal test run Jazzer replays WarcArchiveReaderFuzzTestInputs/ (real WARC files, truncated and
 * bit-flipped ones, and every crash ever found); {@code scripts/fuzz} fuzzes for real.
 */
class WarcArchiveReaderFuzzTest {
    private static final Path FILE = file();

    private static Path file() {
        try {
            Path f = Files.createTempFile("vaxslots-fuzz", ".warc.gz");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void read_anyBytes_neverThrowsButForOpening(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);

        WarcArchiveReader.read(FILE, "fuzz.warc.gz", response -> response.body(), damage -> damage.reason());
    }
}
