package org.vaxslots.model;

/** A field of a response that differed from the known schema, with how often it did in that response. */
public record SchemaObservation(String path, String event, String detail, long occurrences) {

    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String MISSING_FIELD = "missing_field";
    public static final String RETYPED_FIELD = "retyped_field";
    public static final String UNKNOWN_VALUE = "unknown_value";
    /** A count sent with a fraction (e.g. 62.5); the integer column holds its floor. */
    public static final String FRACTIONAL_VALUE = "fractional_value";
    /** A count sent below zero; the integer column holds 0. */
    public static final String NEGATIVE_VALUE = "negative_value";
}
