package org.vaxslots.parse;

/** This record is bad: it goes to rejects with this kind and message as the reason. Never means a bug. */
public final class BadRecordException extends Exception {
    private final RejectReason kind;

    public BadRecordException(RejectReason kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    public RejectReason kind() {
        return kind;
    }
}
