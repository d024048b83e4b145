package org.vaxslots.model;

/**
 * Something that could not be normalized: a whole body ({@code recordPath} "$"), a center, a
 * session, or a damaged stretch of a raw file (fetchId null).
 */
public record RejectRow(
        String source, long offset, String fetchId, String endpoint, String recordPath, String reason, String snippet) {}
