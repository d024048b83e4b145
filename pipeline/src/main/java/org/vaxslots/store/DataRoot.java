package org.vaxslots.store;

import java.nio.file.Path;

/**
 * The data root and its layout: {@code raw/sweep_id=ID/*.warc.gz} (immutable),
 * {@code tables/<table>/sweep_id=ID/part-00000.parquet}, {@code reports/}, and {@code tmp/} for
 * files that are not yet published. Nothing outside {@code tmp/} is ever half-written.
 */
public record DataRoot(Path root) {
    public static final String ENV = "VAXSLOTS_DATA_ROOT";

    public DataRoot {
        root = root.toAbsolutePath().normalize();
    }

    /** --data-root, else $VAXSLOTS_DATA_ROOT, else ./data. */
    public static DataRoot resolve(Path option) {
        if (option != null) {
            return new DataRoot(option);
        }
        String env = System.getenv(ENV);
        return new DataRoot(Path.of(env != null && !env.isBlank() ? env : "data"));
    }

    public Path raw() {
        return root.resolve("raw");
    }

    public Path rawSweep(String sweepId) {
        return raw().resolve("sweep_id=" + SweepIds.requireValid(sweepId));
    }

    /** The lock file of a raw sweep's one writer (see {@link FileLocks#lockRawSweep}). */
    public Path rawSweepLock(String sweepId) {
        return rawSweep(sweepId).resolve(".lock");
    }

    public Path tables() {
        return root.resolve("tables");
    }

    public Path table(String table) {
        return tables().resolve(table);
    }

    public Path tablePartition(String table, String sweepId) {
        return table(table).resolve("sweep_id=" + SweepIds.requireValid(sweepId));
    }

    /** One marker per normalized sweep: which raw files it was built from. */
    public Path normalizedMarker(String sweepId) {
        return tables().resolve("_sweeps").resolve(SweepIds.requireValid(sweepId) + ".json");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    /** What a job remembers between runs (the calls made to each source). */
    public Path state() {
        return root.resolve("state");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    /** The path relative to the root, with forward slashes, as stored in tables. */
    public String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
