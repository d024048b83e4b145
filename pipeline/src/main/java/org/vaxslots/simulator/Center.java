package org.vaxslots.simulator;

import java.util.List;

/**
 * A generated vaccination center: the static part of a calendar entry. Sessions are computed on
 * demand from the center, a date and the simulated instant.
 *
 * @param id         Co-WIN center_id; {@code district id * 1000 + index}, so ids map back to districts
 * @param slots      slot labels matching from/to (empty for overnight centers, as in the Rohtak sample)
 * @param vaccine    the center's usual vaccine
 * @param feeRupees  per-dose fee for paid centers, 0 for free ones
 * @param activity   relative chance of holding a session on a day
 * @param blankFeeTypeInApril  the center sends {@code "fee_type":""} in the April 2021 era (~1.5% of centers)
 */
record Center(int id, Geography.District district, String name, String address, String block, int pincode,
              int lat, int lon, String from, String to, List<String> slots, String vaccine, int feeRupees,
              double activity, boolean blankFeeTypeInApril) {

    boolean paid() {
        return feeRupees > 0;
    }
}
