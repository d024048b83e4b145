package org.vaxslots.schema;

import java.util.Arrays;

/**
 * Open-addressing map of strings to dictionary ids, without boxing or a node per entry: a string
 * column's dictionary in {@link ParquetColumn}, looked up once per value. Each slot keeps its
 * key's hash, so a probe compares strings only when the hashes agree (the same string object, as
 * {@code CleanCenters} hands over for a repeated value, compares by reference). Ids are never
 * removed; {@link #clear} empties it and keeps its capacity for the next row group.
 */
final class StringIds {
    private String[] keys = new String[64];
    private int[] hashes = new int[64];
    /** id + 1 per slot; 0 for an empty slot. */
    private int[] slots = new int[64];
    private int size;

    int get(String key) {
        int h = key.hashCode();
        int mask = keys.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            String k = keys[i];
            if (k == key || (hashes[i] == h && k.equals(key))) {
                return slot - 1;
            }
        }
    }

    /** Adds a key that {@link #get} did not find. */
    void put(String key, int id) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key, key.hashCode(), id + 1);
        size++;
    }

    private void insert(String key, int h, int slot) {
        int mask = keys.length - 1;
        int i = spread(h) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = h;
        slots[i] = slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldSlots = slots;
        keys = new String[oldKeys.length * 2];
        hashes = new int[oldHashes.length * 2];
        slots = new int[oldSlots.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldKeys[i], oldHashes[i], oldSlots[i]);
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
            Arrays.fill(keys, null);
            size = 0;
        }
    }

    /** String hashes of similar strings differ in their low bits too little for a power-of-two table. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
