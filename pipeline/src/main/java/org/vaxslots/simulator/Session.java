package org.vaxslots.simulator;

import java.time.LocalDate;

/**
 * One session of a center on a day, as visible at a simulated instant.
 *
 * @param maxAgeLimit  null when the field is absent from the response
 * @param allowAllAge  null when the field is absent from the response
 * @param fee          findBy* "fee": "0" when free, the rupee amount as a string when paid
 */
record Session(String sessionId, LocalDate date, int availableCapacity, int dose1, int dose2, int minAgeLimit,
               Integer maxAgeLimit, Boolean allowAllAge, String vaccine, String fee) {
}
