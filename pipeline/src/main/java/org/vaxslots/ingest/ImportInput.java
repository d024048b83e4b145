package org.vaxslots.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something given to import that yields recorded responses one at a time, in a stable order, so
 * an archive of any size is read in place with memory bounded by its largest member. Paths are
 * read by {@link Archives} (folders, zip, tar, tar.gz, json.gz, WARC); a caller that holds its
 * members in memory (a git commit's files) passes them with {@link #of(String, Iterable)}.
 */
public interface ImportInput {
    /** The input as the user named it, for messages. */
    String label();

    /** Gives every member to {@code sink} in order; each member's bytes may be dropped once it returns. */
    void read(Sink sink) throws IOException;

    /** Receives the members of an input, and what the input held that is not one. */
    interface Sink {
        void member(Member member) throws IOException;

        /** A record that is not a Co-WIN capture (a warcinfo, another site's page): counted by kind, left out. */
        void leftOut(String kind) throws IOException;
    }

    /** A file, folder or archive on disk, read by its type (see {@link Archives}). */
    static ImportInput of(Path path) {
        return new ImportInput() {
            @Override
            public String label() {
                return path.toString();
            }

            @Override
            public void read(Sink sink) throws IOException {
                Archives.read(path, sink);
            }
        };
    }

    /** Members held by the caller, e.g. the files of one git commit; {@code members} may be lazy. */
    static ImportInput of(String label, Iterable<Member> members) {
        return new ImportInput() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public void read(Sink sink) throws IOException {
                for (Member m : members) {
                    sink.member(m);
                }
            }
        };
    }
}
