package org.vaxslots.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A session as seen in one response; the grain of the sessions table. Nullable fields were not
 * sent, but {@code capacityAsSent}: the capacity fields whose value as sent the integer columns do
 * not hold (a fraction, floored, then {@code capacityRounded}; or a negative count, held as 0).
 */
public record SessionRow(
        String sessionId,
        long centerId,
        String stateName,
        String districtName,
        Integer districtId,
        String blockName,
        String pincode,
        LocalDate sessionDate,
        String vaccine,
        int minAgeLimit,
        Integer maxAgeLimit,
        Boolean allowAllAge,
        String ageGroup,
        int availableCapacity,
        Integer availableCapacityDose1,
        Integer availableCapacityDose2,
        String feeType,
        String fee,
        List<String> slots,
        Integer slotSeatsTotal,
        boolean capacityRounded,
        String capacityAsSent) {}
