package org.vaxslots.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A member's parameters and fields keep the order they were given in: import writes them into
 * the raw archive in that order, so an order that changed from JVM to JVM (as {@link Map#copyOf}'s
 * does) would make the same input give other raw bytes.
 */
class MemberTest {
    @Test
    void paramsAndFields_keepTheGivenOrder() {
        List<String> keys = List.of("pincode", "date", "district_id", "center_id", "lat", "long", "a", "b", "c", "d");
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            given.put(keys.get(i), Integer.toString(i));
        }
        Member m = new Member("x.json", "{}".getBytes(StandardCharsets.UTF_8), given, given, null);
        assertEquals(keys, new ArrayList<>(m.params().keySet()));
        assertEquals(keys, new ArrayList<>(m.fields().keySet()));
        assertEquals(keys, new ArrayList<>(m.withFields(Map.of()).fields().keySet()));

        ImportJob.Request r = new ImportJob.Request("s1", null, null, given, List.of());
        assertEquals(keys, new ArrayList<>(r.params().keySet()));
    }

    @Test
    void paramsAndFields_areCopiesThatRefuseNullsAndChanges() {
        Map<String, String> given = new HashMap<>();
        given.put("date", null);
        assertThrows(NullPointerException.class, () -> new Member("x.json", new byte[0], given, Map.of(), null));
        Map<String, String> mutable = new LinkedHashMap<>(Map.of("date", "01-05-2021"));
        Member m = new Member("x.json", new byte[0], mutable, Map.of(), null);
        mutable.put("pincode", "110001");
        assertEquals(Map.of("date", "01-05-2021"), m.params());
        assertThrows(UnsupportedOperationException.class, () -> m.params().put("a", "b"));
    }
}
