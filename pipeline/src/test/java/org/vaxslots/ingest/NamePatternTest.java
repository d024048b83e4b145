package org.vaxslots.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamePatternTest {
    private static final String SAMPLES = "calendarByDistrict_{district_id}-*_{date}_*.json";

    @Test
    void match_bundledSampleName_givesDistrictAndApiDate() {
        NamePattern p = NamePattern.compile(SAMPLES);

        assertEquals(Optional.of(Map.of("district_id", "192", "date", "04-05-2021")),
                p.match("calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json"));
        assertEquals(Optional.of(Map.of("district_id", "434", "date", "24-05-2021")),
                p.match("calendarByDistrict_434-Dimapur_2021-05-24_sanjib1990.centers-array.converted-from-python.json"));
        assertEquals(List.of("district_id", "date"), p.parameters());
    }

    @Test
    void match_everyDateFormat_isStoredAsDdMmYyyy() {
        NamePattern p = NamePattern.compile("Centers_{district_id}_{date}.json");

        assertEquals(Optional.of(Map.of("district_id", "571", "date", "29-04-2021")), p.match("Centers_571_29-04-2021.json"));
        assertEquals(Optional.of(Map.of("district_id", "571", "date", "29-04-2021")), p.match("Centers_571_2021-04-29.json"));
        assertEquals(Optional.of(Map.of("district_id", "571", "date", "29-04-2021")), p.match("Centers_571_20210429.json"));
    }

    @Test
    void match_noCalendarDayOrNotDigitsOrExtraText_doesNotMatch() {
        NamePattern p = NamePattern.compile("Centers_{district_id}_{date}.json");

        assertEquals(Optional.empty(), p.match("Centers_571_31-02-2021.json"));
        assertEquals(Optional.empty(), p.match("Centers_abc_29-04-2021.json"));
        assertEquals(Optional.empty(), p.match("Centers_571_29-04-2021.json.bak"));
        assertEquals(Optional.empty(), p.match("xCenters_571_29-04-2021.json"));
    }

    @Test
    void match_patternWithoutSlash_readsTheFileNameOfAPath() {
        NamePattern p = NamePattern.compile("Centers_{district_id}_*.json");

        assertEquals(Optional.of(Map.of("district_id", "5")), p.match("2021-04-29/morning/Centers_5_x.json"));
    }

    @Test
    void match_patternWithSlash_readsThePathAndStarStopsAtSlash() {
        NamePattern p = NamePattern.compile("{date}/*/{state_id}_{pincode}.json");

        assertEquals(Optional.of(Map.of("date", "29-04-2021", "state_id", "21", "pincode", "110085")),
                p.match("2021-04-29/run1/21_110085.json"));
        assertEquals(Optional.empty(), p.match("2021-04-29/run1/deeper/21_110085.json"));
        assertEquals(Optional.empty(), p.match("21_110085.json"));
    }

    @Test
    void match_literalRegexCharacters_areLiteral() {
        NamePattern p = NamePattern.compile("c(1).{center_id}+.json");

        assertEquals(Optional.of(Map.of("center_id", "603425")), p.match("c(1).603425+.json"));
        assertEquals(Optional.empty(), p.match("c1x603425+.json"));
    }

    @Test
    void compile_unknownRepeatedOrUnclosedPlaceholder_isAUsageError() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NamePattern.compile("Centers_{district}_{date}.json"));
        assertEquals("--name-pattern 'Centers_{district}_{date}.json': unknown placeholder {district}; use"
                + " [{district_id}, {state_id}, {pincode}, {center_id}, {date}] or *", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NamePattern.compile("{date}_{date}.json"));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.compile("Centers_{district_id.json"));
    }
}
