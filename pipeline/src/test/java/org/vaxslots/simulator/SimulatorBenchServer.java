package org.vaxslots.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Child process of {@link SimulatorBenchmark}: runs the simulator under the heap limit given on
 * its command line, prints "READY port startupMillis", and answers "heap" on stdin with the heap
 * used after a GC. Not a test; not part of the product.
 */
public final class SimulatorBenchServer {
    private SimulatorBenchServer() {
    }

    public static void main(String[] args) throws IOException {
        Duration ttl = Duration.ofSeconds(Long.parseLong(args[0]));
        long t0 = System.nanoTime();
        try (SimulatorServer s = SimulatorServer.start(SimulatorConfig.defaults().withStart(Instant.parse("2021-05-24T06:30:00Z"))
                .withSpeed(0).withRateLimit(null).withCacheTtl(ttl))) {
            System.out.println("READY " + s.port() + " " + (System.nanoTime() - t0) / 1_000_000);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("heap")) {
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    System.out.println("HEAP " + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " "
                            + rt.maxMemory() / (1024 * 1024));
                    System.out.flush();
                }
            }
        }
    }
}
