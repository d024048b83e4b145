package org.vaxslots.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * StringIds holds what a HashMap of the same puts holds, across growth, clears, equal strings that
 * are other objects, and strings whose hashes collide ("Aa" and "BB" hash alike, and so does every
 * string made of them).
 */
class StringIdsTest {
    @Test
    void holdsWhatAHashMapHolds() {
        SplittableRandom random = new SplittableRandom(5);
        StringIds ids = new StringIds();
        for (int round = 0; round < 3; round++) {
            Map<String, Integer> expected = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                String key = switch (i % 4) {
                    case 0 -> "d" + random.nextInt(1000);
                    case 1 -> Long.toHexString(random.nextLong());
                    case 2 -> colliding(random.nextInt(1 << 10), 10);
                    default -> i % 8 == 3 ? "" : "\u0915\u0947\u0930\u0932" + random.nextInt(50);
                };
                if (!expected.containsKey(key)) {
                    assertEquals(-1, ids.get(key), "absent " + key);
                    expected.put(key, expected.size());
                    ids.put(key, expected.get(key));
                }
                assertEquals(expected.get(key), ids.get(new String(key)), "an equal string, another object");
            }
            expected.forEach((key, id) -> assertEquals(id, ids.get(key), "key " + key));
            ids.clear();
            expected.keySet().forEach(key -> assertEquals(-1, ids.get(key), "cleared " + key));
        }
    }

    /** The string of {@code bits} as "Aa" for a 0 and "BB" for a 1: all 2^n of them hash alike. */
    private static String colliding(int bits, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((bits >> i & 1) == 0 ? "Aa" : "BB");
        }
        return b.toString();
    }
}
