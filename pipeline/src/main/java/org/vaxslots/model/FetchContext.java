package org.vaxslots.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is known about one archived response before its body is read: where it came from, what
 * was asked and when the data was true. Request parameters are null when not asked.
 */
public record FetchContext(
        String sweepId,
        String fetchId,
        Endpoint endpoint,
        Integer stateId,
        Integer districtId,
        String pincode,
        Long centerId,
        LocalDate requestDate,
        Instant asOfAt) {}
