package org.vaxslots.store;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The data root and the one owner of its layout: every path of the data root is built here and a
 * sweep id is read back out of a path only here.
 *
 * <pre>
 * raw/sweep_id=ID/*.warc.gz                       immutable archive
 * tables/&lt;table&gt;/sweep_id=ID/part-NNNNN.parquet     normalized tables (one partition per sweep, a file per raw file)
 * tables/session_history/open/session_date=DATE/part-00000.parquet               compact: runs still open
 * tables/session_history/closed/closed_by_sweep_id=ID/part-00000.parquet        compact: runs a sweep closed
 * tables/sweep_district_sessions/sweep_id=ID/part-00000.parquet                 compact: per sweep
 * tables/_sweeps/ID.json                          which raw files each sweep was normalized from
 * tables/_compact.json                            what each derived partition was built from
 * tables/_compact-pending.json                    the dates a compact run is rewriting (only while it runs)
 * reports/&lt;release&gt;/                              report packs
 * state/sources/, state/raw-sha256.tsv,           what jobs remember between runs
 * state/compact-inputs.tsv
 * tmp/                                            files not yet published
 * </pre>
 *
 * Nothing outside {@code tmp/} is ever half-written. Serializable (it keeps the path as a string),
 * so a pipeline builds it once and hands it to its DoFns on any runner.
 */
public final class DataRoot implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ENV = "VAXSLOTS_DATA_ROOT";
    /** The first (for derived tables and schema_events, the only) data file of a partition. */
    public static final String PART_FILE = "part-00000.parquet";
    private static final String SWEEP_KEY = "sweep_id=";
    private static final String DATE_KEY = "session_date=";
    private static final String CLOSED_BY_KEY = "closed_by_sweep_id=";
    private static final String REPLACED_PREFIX = "replaced-";

    private final String root;

    public DataRoot(Path root) {
        this.root = root.toAbsolutePath().normalize().toString();
    }

    /** --data-root, else $VAXSLOTS_DATA_ROOT, else ./data. */
    public static DataRoot resolve(Path option) {
        if (option != null) {
            return new DataRoot(option);
        }
        String env = System.getenv(ENV);
        return new DataRoot(Path.of(env != null && !env.isBlank() ? env : "data"));
    }

    public Path root() {
        return Path.of(root);
    }

    public Path raw() {
        return root().resolve("raw");
    }

    public Path rawSweep(String sweepId) {
        return raw().resolve(SWEEP_KEY + SweepIds.requireValid(sweepId));
    }

    /** The lock file of a raw sweep's one writer (see {@link FileLocks#lockRawSweep}). */
    public Path rawSweepLock(String sweepId) {
        return rawSweep(sweepId).resolve(".lock");
    }

    /**
     * The sweep id of a {@code sweep_id=ID} directory, or of a path below one (a raw file, a table
     * partition); empty when no component of the path names a valid sweep.
     */
    public static Optional<String> sweepIdOf(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            Path name = p.getFileName();
            if (name != null && name.toString().startsWith(SWEEP_KEY)) {
                String id = name.toString().substring(SWEEP_KEY.length());
                return SweepIds.isValid(id) ? Optional.of(id) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The sweep id a directory's own name gives ({@code sweep_id=ID}), as a lister of raw/ or of a
     * table needs it: empty when the name is not a sweep directory's; an error naming the id when it
     * is one but the id is unsafe, so such a directory is never skipped without a word.
     */
    public static Optional<String> sweepIdOfDirectory(Path dir) {
        Path name = dir.getFileName();
        if (name == null || !name.toString().startsWith(SWEEP_KEY)) {
            return Optional.empty();
        }
        return Optional.of(SweepIds.requireValid(name.toString().substring(SWEEP_KEY.length())));
    }

    /** The same rule in SQL, for a column holding file paths (DuckDB's {@code filename}). */
    public static String sweepIdOfSql(String fileNameColumn) {
        return "regexp_extract(" + fileNameColumn + ", '" + SWEEP_KEY + "([^/]+)/', 1)";
    }

    public Path tables() {
        return root().resolve("tables");
    }

    public Path table(String table) {
        return tables().resolve(table);
    }

    public Path tablePartition(String table, String sweepId) {
        return table(table).resolve(SWEEP_KEY + SweepIds.requireValid(sweepId));
    }

    /** A partition of a derived table, by session date (yyyy-MM-dd). */
    public Path datePartition(String table, String sessionDate) {
        return table(table).resolve(DATE_KEY + sessionDate);
    }

    /** session_history's open runs (the last run of each session) of one session date: rewritten as sweeps extend them. */
    public Path openRunsPartition(String sessionDate) {
        return datePartitionUnder(table("session_history"), "open", sessionDate);
    }

    /** session_history's runs that one sweep closed (it saw the session changed): written once. */
    public Path closedRunsPartition(String sweepId) {
        return table("session_history").resolve("closed").resolve(CLOSED_BY_KEY + SweepIds.requireValid(sweepId));
    }

    /** The directory of a staged or published partition of {@code table} for one sweep, under {@code base}. */
    public static Path sweepPartitionUnder(Path base, String table, String sweepId) {
        return base.resolve(table).resolve(SWEEP_KEY + SweepIds.requireValid(sweepId));
    }

    /** The directory of a derived partition of {@code table} for one session date, under {@code base}. */
    public static Path datePartitionUnder(Path base, String table, String sessionDate) {
        return base.resolve(table).resolve(DATE_KEY + sessionDate);
    }

    /** The markers of normalized sweeps. */
    public Path normalizedMarkers() {
        return tables().resolve("_sweeps");
    }

    /** One marker per normalized sweep: which raw files it was built from. */
    public Path normalizedMarker(String sweepId) {
        return normalizedMarkers().resolve(SweepIds.requireValid(sweepId) + ".json");
    }

    /** What compact built each derived partition from. */
    public Path compactManifest() {
        return tables().resolve("_compact.json");
    }

    /** The session dates a compact run is rewriting, until its manifest is written (none when it finished). */
    public Path compactPending() {
        return tables().resolve("_compact-pending.json");
    }

    public Path reports() {
        return root().resolve("reports");
    }

    /** A report pack, reports/RELEASE/ (the release name checked like a sweep id). */
    public Path reportPack(String release) {
        return reports().resolve(SafeNames.requireValid("release name", release));
    }

    /** What a job remembers between runs. */
    public Path state() {
        return root().resolve("state");
    }

    /** The call log of every source the crawler has called (one file per host and port). */
    public Path sourceCalls() {
        return state().resolve("sources");
    }

    /** The sha256 of each raw file, kept so a report digests only new files. */
    public Path rawDigests() {
        return state().resolve("raw-sha256.tsv");
    }

    /** compact's memory of each sweep's input digest, kept so a run reads only new and changed sweeps. */
    public Path compactInputs() {
        return state().resolve("compact-inputs.tsv");
    }

    public Path tmp() {
        return root().resolve("tmp");
    }

    /** Where DuckDB spills what does not fit in its memory limit (never removed by another job). */
    public Path duckDbSpill() {
        return tmp().resolve("duckdb");
    }

    /** Where {@code demo --samples} writes the bundled samples before it imports them. */
    public Path demoSamples() {
        return tmp().resolve("demo-samples");
    }

    /** Where normalize stages sweeps before publishing them. */
    public Path normalizeStaging() {
        return tmp().resolve("normalize");
    }

    /** A fresh staging directory of one sweep. */
    public Path normalizeStaging(String sweepId) {
        return normalizeStaging().resolve(SweepIds.requireValid(sweepId) + "-" + UUID.randomUUID());
    }

    /** A fresh place to move a published partition aside while its replacement goes in. */
    public Path replacedAside() {
        return tmp().resolve(REPLACED_PREFIX + UUID.randomUUID());
    }

    /** Whether a file of tmp/ is a partition moved aside by {@link #replacedAside()}. */
    public static boolean isReplacedAside(Path path) {
        return path.getFileName().toString().startsWith(REPLACED_PREFIX);
    }

    /** The path relative to the root, with forward slashes, as stored in tables. */
    public String relative(Path path) {
        return root().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRoot other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root;
    }
}
