package org.vaxslots.raw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.vaxslots.store.DataRoot;

/** Lists the published raw files: by sweep, in name order. Files still being written are not listed. */
public final class RawFiles {
    private RawFiles() {}

    public static List<Path> list(DataRoot root, String sweepId) throws IOException {
        Path dir = root.rawSweep(sweepId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(WarcArchiveWriter.SUFFIX))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every sweep id that has a raw directory, sorted. */
    public static List<String> sweeps(DataRoot root) throws IOException {
        if (!Files.isDirectory(root.raw())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root.raw())) {
            return dirs.filter(Files::isDirectory)
                    .flatMap(p -> DataRoot.sweepIdOfDirectory(p).stream())
                    .sorted().toList();
        }
    }
}
