package org.vaxslots.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LongIds holds what a HashMap of the same puts holds, across growth, collisions and clears. */
class LongIdsTest {
    @Test
    void holdsWhatAHashMapHolds() {
        SplittableRandom random = new SplittableRandom(5);
        LongIds ids = new LongIds();
        for (int round = 0; round < 3; round++) {
            Map<Long, Integer> expected = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                // Small values, the extremes and multiples of large powers of two: keys that collide.
                long key = switch (i % 4) {
                    case 0 -> random.nextLong(1000);
                    case 1 -> random.nextLong();
                    case 2 -> random.nextLong(64) << 40;
                    default -> i % 8 == 3 ? Long.MIN_VALUE + random.nextInt(3) : Long.MAX_VALUE - random.nextInt(3);
                };
                if (!expected.containsKey(key)) {
                    assertEquals(-1, ids.get(key), "absent " + key);
                    expected.put(key, expected.size());
                    ids.put(key, expected.get(key));
                }
            }
            expected.forEach((key, id) -> assertEquals(id, ids.get(key), "key " + key));
            ids.clear();
            expected.keySet().forEach(key -> assertEquals(-1, ids.get(key), "cleared " + key));
        }
    }
}
