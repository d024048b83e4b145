package org.vaxslots.publish;

/**
 * Publish will not do what it was asked (a published release would change silently, the pack is
 * not finished, another publish holds the directory): exit 1, the message naming the file and the fix.
 */
public final class PublishRefusedException extends RuntimeException {
    public PublishRefusedException(String message) {
        super(message);
    }
}
