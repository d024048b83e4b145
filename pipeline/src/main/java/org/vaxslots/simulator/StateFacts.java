package org.vaxslots.simulator;

/**
 * Per-state constants the model needs and the Co-WIN data does not carry: the first two digits
 * of the state's PIN codes (India Post zones) and an approximate centroid, so generated pincodes
 * and whole-degree lat/long look like the real ones. Approximate by design.
 */
record StateFacts(int pinPrefix, double lat, double lon) {
    private static final double[][] BY_ID = {
            {0, 0, 0},
            {74, 11.7, 92.7}, {52, 15.9, 79.7}, {79, 28.2, 94.7}, {78, 26.2, 92.9}, {84, 25.6, 85.1},
            {16, 30.7, 76.8}, {49, 21.3, 81.9}, {39, 20.2, 73.0}, {11, 28.6, 77.2}, {40, 15.3, 74.1},
            {38, 22.3, 71.2}, {12, 29.1, 76.1}, {17, 31.9, 77.2}, {19, 33.8, 75.0}, {82, 23.6, 85.3},
            {57, 15.3, 75.7}, {68, 10.3, 76.3}, {19, 34.2, 77.6}, {68, 10.6, 72.6}, {46, 23.5, 78.6},
            {41, 19.7, 75.7}, {79, 24.7, 93.9}, {79, 25.5, 91.4}, {79, 23.2, 92.9}, {79, 26.2, 94.6},
            {76, 20.9, 85.1}, {60, 11.9, 79.8}, {15, 31.1, 75.3}, {32, 27.0, 74.2}, {73, 27.5, 88.5},
            {62, 11.1, 78.7}, {50, 18.1, 79.0}, {79, 23.9, 91.9}, {24, 26.8, 80.9}, {24, 30.1, 79.0},
            {72, 22.9, 87.9}, {39, 20.4, 72.8},
    };

    static StateFacts of(int stateId) {
        if (stateId < 1 || stateId >= BY_ID.length) {
            return new StateFacts(99, 22.0, 79.0);
        }
        double[] f = BY_ID[stateId];
        return new StateFacts((int) f[0], f[1], f[2]);
    }
}
