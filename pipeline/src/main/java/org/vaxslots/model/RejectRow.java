package org.vaxslots.model;

/**
 * Something that could not be normalized: a whole body ({@code recordPath} "$"), a center, a
 * session, or a damaged stretch of a raw file (fetchId null). {@code reasonCode} is the stable
 * kind of failure (org.vaxslots.parse.RejectReason), {@code reason} the same in words.
 */
public record RejectRow(String source, long offset, String fetchId, String endpoint, String recordPath,
        String reasonCode, String reason, String snippet) {}
