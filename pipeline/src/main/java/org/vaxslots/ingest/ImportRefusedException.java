package org.vaxslots.ingest;

/**
 * An import stopped before publishing anything: a member holds personal data or comes from a
 * non-public endpoint, or does not match the name pattern. The message names
 * the member, the kind of problem and the option or fix; never a value of the member.
 */
public final class ImportRefusedException extends RuntimeException {
    public ImportRefusedException(String message) {
        super(message);
    }
}
