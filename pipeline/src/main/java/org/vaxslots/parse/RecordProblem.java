package org.vaxslots.parse;

/**
 * A part of a response that could not be normalized: where ("$" for the whole body), the kind of
 * failure, why in words, and a snippet.
 */
public record RecordProblem(String recordPath, RejectReason kind, String reason, String snippet) {}
