package org.vaxslots.model;

/** A district as listed in one districts answer; the grain of listed_districts. The name may be absent. */
public record DistrictRow(int districtId, String districtName) {}
