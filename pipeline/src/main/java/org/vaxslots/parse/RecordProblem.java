package org.vaxslots.parse;

/** A part of a response that could not be normalized: where ("$" for the whole body), why, and a snippet. */
public record RecordProblem(String recordPath, String reason, String snippet) {}
