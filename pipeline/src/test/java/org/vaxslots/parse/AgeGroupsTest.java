package org.vaxslots.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgeGroupsTest {
    private static final AgeGroups GROUPS = AgeGroups.load();
    private static final LocalDate MAY_2021 = LocalDate.of(2021, 5, 20);
    private static final LocalDate AUG_2021 = LocalDate.of(2021, 8, 2);

    @Test
    void classify_eachRuleOfTheTable_givesItsGroup() {
        assertEquals(Optional.of("45+"), GROUPS.classify(45, null, null, MAY_2021));
        assertEquals(Optional.of("45+"), GROUPS.classify(45, null, false, AUG_2021));
        assertEquals(Optional.of("18-44"), GROUPS.classify(18, 44, false, AUG_2021));
        assertEquals(Optional.of("18-44"), GROUPS.classify(18, null, null, MAY_2021));
        assertEquals(Optional.of("18-44"), GROUPS.classify(18, null, null, LocalDate.of(2021, 6, 30)));
        assertEquals(Optional.of("18+"), GROUPS.classify(18, null, null, LocalDate.of(2021, 7, 1)));
        assertEquals(Optional.of("18+"), GROUPS.classify(18, null, true, MAY_2021));
        assertEquals(Optional.of("15-17"), GROUPS.classify(15, null, true, LocalDate.of(2022, 3, 30)));
        assertEquals(Optional.of("12-14"), GROUPS.classify(12, 44, false, LocalDate.of(2022, 4, 28)));
    }

    @Test
    void classify_combinationNoRuleCovers_isEmptyAndLabelledByItsNumbers() {
        assertEquals(Optional.empty(), GROUPS.classify(44, null, null, MAY_2021));
        assertEquals(Optional.empty(), GROUPS.classify(18, 60, null, AUG_2021));
        assertEquals("44+", AgeGroups.fallbackLabel(44, null));
        assertEquals("18-60", AgeGroups.fallbackLabel(18, 60));
    }
}
