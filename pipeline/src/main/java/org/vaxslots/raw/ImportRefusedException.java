package org.vaxslots.raw;

/**
 * An import stopped before publishing anything: a member holds personal data, does not match the
 * name pattern, or answers a request the sweep already holds with other bytes. The message names
 * the member, the kind of problem and the option or fix; never a value of the member.
 */
public final class ImportRefusedException extends RuntimeException {
    public ImportRefusedException(String message) {
        super(message);
    }
}
