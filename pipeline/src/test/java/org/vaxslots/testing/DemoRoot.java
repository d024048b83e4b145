package org.vaxslots.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.vaxslots.cli.Main;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;

/**
 * A data root made by {@code vaxslots demo --sweeps 4} (simulator → snapshot → normalize → report
 * pack "demo"), built once per test JVM: the realistic input and the uninterrupted output that
 * the crash and audit tests compare against. Callers copy from it and never modify it.
 */
public final class DemoRoot {
    public static final String SWEEPS = "4";
    public static final String RELEASE = "demo";
    private static DataRoot shared;

    private DemoRoot() {}

    public static synchronized DataRoot shared() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("vaxslots-demo-root");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> org.vaxslots.store.AtomicFiles.deleteTree(dir)));
            DataRoot root = new DataRoot(dir.resolve("data"));
            int exit = Main.execute("demo", "--data-root", root.root().toString(), "--sweeps", SWEEPS);
            if (exit != 0) {
                throw new IllegalStateException("vaxslots demo exited " + exit);
            }
            // The demo's report also writes the derived tables of `compact` (CompactJobTest covers
            // them); removed so that tables/ is exactly normalize's output, which the crash, lock
            // and audit tests compare against. A report over a copy writes them again.
            for (Table derived : Table.derived()) {
                org.vaxslots.store.AtomicFiles.deleteTree(root.table(derived.tableName()));
            }
            Files.deleteIfExists(root.compactManifest());
            shared = root;
        }
        return shared;
    }

    /** Copies the listed top-level directories of the demo root (e.g. "raw", "tables") into {@code to}. */
    public static DataRoot copy(Path to, String... dirs) throws IOException {
        DataRoot from = shared();
        for (String d : dirs) {
            copyTree(from.root().resolve(d), to.resolve(d));
        }
        return new DataRoot(to);
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
