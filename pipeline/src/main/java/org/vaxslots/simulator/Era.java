package org.vaxslots.simulator;

import java.time.LocalDate;

/**
 * Response shape eras of the real API, chosen by the requested date of a call (so one response
 * never mixes shapes). Boundaries come from the dated samples and tracker reports in
 * cowin-api.md; where the real switch day is unknown the comment says which day we picked.
 */
enum Era {
    /**
     * Before 1 May 2021, as in the all-India capture of 29 Apr 2021 (cowin-api.md, quirk 13): no
     * {@code address}; {@code vaccine} is "" in ~97% of sessions; {@code fee_type} is "" on ~1.5%
     * of centers; ~0.3% of sessions have a fractional {@code available_capacity} (62.5,
     * 0.7000000000000028). Switch day 1 May: the real one lies between that capture and the BBMP
     * sample of 1 May, which has none of these.
     */
    APRIL(LocalDate.MIN),
    /** 1-3 May 2021: no {@code address}, {@code vaccine} is "" (BBMP sample of 1 May). Switch day 4 May per the Rohtak sample. */
    LAUNCH(LocalDate.of(2021, 5, 1)),
    /** 4-14 May 2021: address and vaccine names, still no dose split. */
    PRE_SPLIT(LocalDate.of(2021, 5, 4)),
    /** From 15 May 2021: available_capacity_dose1/2 appended after slots. */
    DOSE_SPLIT(LocalDate.of(2021, 5, 15)),
    /** From 6 July 2021 (reported 3 Jul, first sample 13 Jul): max_age_limit / allow_all_age on some sessions. */
    AGE_LIMITS(LocalDate.of(2021, 7, 6)),
    /** From 3 Jan 2022: ages 15 (and 12 with CORBEVAX from 16 Mar 2022); findBy* rows use the 2022 key order. */
    TEENS(LocalDate.of(2022, 1, 3)),
    /** From 15 Apr 2022 (real switch between 30 Mar and 28 Apr 2022): slots as {time, seats} objects. */
    OBJECT_SLOTS(LocalDate.of(2022, 4, 15));

    static final LocalDate ADULTS_18_FROM = LocalDate.of(2021, 5, 1);
    /** April 2021: the share of sessions naming their vaccine, of centers with {@code fee_type ""}, of fractional sessions. */
    static final double APRIL_NAMED_VACCINE_SHARE = 0.03;
    static final double APRIL_BLANK_FEE_TYPE_SHARE = 0.015;
    static final double APRIL_FRACTIONAL_CAPACITY_SHARE = 0.003;
    static final LocalDate AGE_12_FROM = LocalDate.of(2022, 3, 16);
    /** Before this day findByDistrict listed only sessions with capacity (tracker #216, #323). */
    static final LocalDate FIND_ZERO_ROWS_FROM = LocalDate.of(2021, 5, 23);
    /** Paid centers list vaccine_fees from May 2021; SPUTNIK V appears at private centers mid-June. */
    static final LocalDate SPUTNIK_FROM = LocalDate.of(2021, 6, 15);

    private final LocalDate from;

    Era(LocalDate from) {
        this.from = from;
    }

    static Era of(LocalDate date) {
        Era result = APRIL;
        for (Era e : values()) {
            if (!date.isBefore(e.from)) {
                result = e;
            }
        }
        return result;
    }

    boolean hasAddress() {
        return compareTo(PRE_SPLIT) >= 0;
    }

    /** Every session names its vaccine; in APRIL only a few do, in LAUNCH none. */
    boolean namesVaccine() {
        return compareTo(PRE_SPLIT) >= 0;
    }

    /** Some centers send {@code fee_type ""} and some sessions a non-whole {@code available_capacity}. */
    boolean april() {
        return this == APRIL;
    }

    boolean doseSplit() {
        return compareTo(DOSE_SPLIT) >= 0;
    }

    boolean ageLimitFields() {
        return compareTo(AGE_LIMITS) >= 0;
    }

    boolean teens() {
        return compareTo(TEENS) >= 0;
    }

    boolean objectSlots() {
        return this == OBJECT_SLOTS;
    }
}
