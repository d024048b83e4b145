package org.vaxslots.parse;

/** This record is bad: it goes to rejects with this message as the reason. Never means a bug. */
public final class BadRecordException extends Exception {
    public BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
