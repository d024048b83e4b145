package org.vaxslots.raw;

/** A stretch of a raw file that could not be read as WARC records (a truncated or corrupt file). */
public record ArchiveDamage(String rawFile, long offset, String reason) {}
