package org.vaxslots.raw;

/**
 * vaxslots' own WARC header fields (WARC 1.1 allows extension fields). They carry what normalize
 * needs to know about a record without guessing: its sweep, endpoint, parameters and as-of time.
 */
public final class RawHeaders {
    public static final String SWEEP_ID = "Vaxslots-Sweep-Id";
    public static final String ENDPOINT = "Vaxslots-Endpoint";
    /** Request parameters as a query string, e.g. {@code district_id=192&date=04-05-2021}. */
    public static final String PARAMS = "Vaxslots-Params";
    /** What of the endpoint and parameters was inferred rather than given, in words. */
    public static final String INFERRED = "Vaxslots-Inferred";
    public static final String AS_OF = "Vaxslots-As-Of";
    /**
     * given (the importer said), git_commit (import --git: the committer time, an upper bound of
     * the capture time) or import_time (nobody said: the time of import).
     */
    public static final String AS_OF_SOURCE = "Vaxslots-As-Of-Source";
    /** Imports: the member's path relative to the input given (folder, archive, repository), e.g. {@code 2021-04-29/Centers_1_29-04-2021.json}. */
    public static final String SOURCE_FILE = "Vaxslots-Source-File";
    /** Imports from another crawler's WARC: the WARC-Record-ID the capture had there, its identity. */
    public static final String SOURCE_RECORD_ID = "Vaxslots-Source-Record-Id";
    public static final String SOURCE_SHA256 = "Vaxslots-Source-Sha256";
    /** On records imported from a git repository: the id (40 hex digits) of the commit the file was read from. */
    public static final String GIT_COMMIT = "Vaxslots-Git-Commit";
    /** On snapshot records: the try number of this request (1, 2, …). */
    public static final String ATTEMPT = "Vaxslots-Attempt";
    /** On snapshot records: the crawler's {@link org.vaxslots.model.FetchOutcome} word for the attempt (network_error on a metadata record: no response came). */
    public static final String OUTCOME = "Vaxslots-Outcome";

    /**
     * On revisit records (a 304 to a conditional request): the sweep whose response record holds
     * the body this answer says is unchanged. That record is the one with the same endpoint and
     * parameters, and the WARC-Date given by the standard WARC-Refers-To-Date field. On the revisit
     * records of {@code import --git --git-tree} (an unchanged file): the sweep whose resource record
     * holds the file, the one with the same endpoint, parameters and source file.
     */
    public static final String REFERS_TO_SWEEP = "Vaxslots-Refers-To-Sweep";

    private RawHeaders() {}
}
