package org.vaxslots.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vaxslots.store.Digests;

/** Whole directory trees as {relative path → sha256}, to compare outputs byte for byte. */
public final class Trees {
    private Trees() {}

    public static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Digests.sha256Hex(Files.readAllBytes(f)));
            }
        }
        return out;
    }
}
