package org.vaxslots.model;

import java.util.List;

/** A center as seen in one response; the grain of the centers table. Nullable fields were not sent. */
public record CenterRow(
        long centerId,
        String name,
        String address,
        String stateName,
        String districtName,
        Integer districtId,
        String blockName,
        String pincode,
        Double lat,
        Double lon,
        String fromTime,
        String toTime,
        String feeType,
        List<VaccineFee> vaccineFees,
        int sessionsCount) {

    /** One entry of a center's vaccine_fees; the fee stays text, as sent. */
    public record VaccineFee(String vaccine, String fee) {}

    public Boolean isOvernight() {
        if (fromTime == null || toTime == null) {
            return null;
        }
        return toTime.compareTo(fromTime) < 0;
    }

    public CenterRow withSessionsCount(int count) {
        return new CenterRow(centerId, name, address, stateName, districtName, districtId, blockName,
                pincode, lat, lon, fromTime, toTime, feeType, vaccineFees, count);
    }
}
