package org.vaxslots.schema;

import java.util.Arrays;

/**
 * Open-addressing map of long values to dictionary ids, without boxing: an integer column's
 * dictionary in {@link ParquetColumn}. Ids are never removed; {@link #clear} empties it and keeps
 * its capacity for the next row group.
 */
final class LongIds {
    private long[] keys = new long[64];
    /** id + 1 per slot; 0 for an empty slot. */
    private int[] slots = new int[64];
    private int size;

    int get(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return slot - 1;
            }
        }
    }

    void put(long key, int id) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key, id + 1);
        size++;
    }

    private void insert(long key, int slot) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldKeys[i], oldSlots[i]);
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
            size = 0;
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
