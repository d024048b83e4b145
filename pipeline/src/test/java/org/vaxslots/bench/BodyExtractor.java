package org.vaxslots.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.store.DataRoot;

/**
 * Input of the DuckDB-native baseline (not a test): every successful calendarByDistrict body of
 * the raw archive, decoded by the project's {@link WarcArchiveReader}, written as a plain file
 * {@code OUT/sweep_id=<id>/<n>.json} (a district with no centers answers {@code {"centers":[]}},
 * which is kept: DuckDB reads it too). Args: DATA_ROOT OUT. Prints {@code bodies files=N bytes=N}.
 */
public final class BodyExtractor {
    private BodyExtractor() {}

    public static void main(String[] args) throws Exception {
        DataRoot root = new DataRoot(Path.of(args[0]).toAbsolutePath());
        Path out = Path.of(args[1]).toAbsolutePath();
        long[] files = {0};
        long[] bytes = {0};
        for (String sweepId : RawFiles.sweeps(root)) {
            Path dir = out.resolve("sweep_id=" + sweepId);
            Files.createDirectories(dir);
            for (Path warc : RawFiles.list(root, sweepId)) {
                WarcArchiveReader.read(warc, root.relative(warc), response -> {
                    Integer status = response.httpStatus();
                    java.net.URI uri = response.targetUri();
                    if (status != null && status == 200 && uri != null && uri.getPath().contains("calendarByDistrict")) {
                        try (OutputStream os = Files.newOutputStream(dir.resolve(String.format("%07d.json", files[0])))) {
                            os.write(response.body());
                        }
                        files[0]++;
                        bytes[0] += response.body().length;
                    }
                }, damage -> {
                    throw new IllegalStateException("damaged benchmark corpus at " + damage.rawFile() + ": "
                            + damage.reason());
                });
            }
        }
        System.out.printf("bodies files=%d bytes=%d%n", files[0], bytes[0]);
    }
}
