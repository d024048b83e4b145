package org.vaxslots.simulator;

import java.time.LocalDate;

/**
 * One session of a center on a day, as visible at a simulated instant.
 *
 * @param maxAgeLimit  null when the field is absent from the response
 * @param allowAllAge  null when the field is absent from the response
 * @param availableCapacity   floor of {@code fractionalCapacity} when that is set
 * @param fee          findBy* "fee": "0" when free, the rupee amount as a string when paid
 * @param fractionalCapacity  the non-whole available_capacity an April 2021 session sends; null when it is whole
 */
record Session(String sessionId, LocalDate date, int availableCapacity, int dose1, int dose2, int minAgeLimit,
               Integer maxAgeLimit, Boolean allowAllAge, String vaccine, String fee, Double fractionalCapacity) {

    /** Listed by findBy* before 23 May 2021: some capacity left, a fraction of a slot included. */
    boolean open() {
        return availableCapacity > 0 || fractionalCapacity != null;
    }
}
