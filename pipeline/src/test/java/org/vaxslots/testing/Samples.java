package org.vaxslots.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real Co-WIN samples bundled in the jar (real 2021–2022 responses; provenance in their SOURCES.md), written out for a test. */
public final class Samples {
    public static final String RESOURCE_DIR = "/org/vaxslots/samples/cowin/";

    private Samples() {}

    public static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim());
            }
        }
        return names;
    }

    /** The 12 availability responses: every sample but the states list. */
    public static List<String> availabilityNames() throws IOException {
        return names().stream().filter(n -> !n.startsWith("states_")).toList();
    }

    public static byte[] bytes(String name) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("no bundled sample " + name);
            }
            return in.readAllBytes();
        }
    }

    public static Path writeTo(Path dir, List<String> names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) {
            Files.write(dir.resolve(n), bytes(n));
        }
        return dir;
    }

    private static String read(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
