package org.vaxslots.simulator;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded throughput benchmark (not a test): starts {@link SimulatorBenchServer} in a child JVM
 * with -Xmx512m, then drives calendarByDistrict over keep-alive sockets from several client
 * threads, cycling through every district id 1..796 and 7 dates, and prints requests/s,
 * latency percentiles, MB/s and the server's heap after GC. Args: [threads] [seconds] [cacheTtlSeconds].
 * See BENCHMARK.md for the command.
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String ttl = args.length > 2 ? args[2] : "300";
        Process child = new ProcessBuilder(javaBin(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SimulatorBenchServer.class.getName(), ttl).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintStream in = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        String[] ready = out.readLine().split(" ");
        int port = Integer.parseInt(ready[1]);
        try {
            run(port, threads, 5, null);
            long[] latencies = new long[20_000_000];
            AtomicLong bytes = new AtomicLong();
            long n = run(port, threads, seconds, new Recorder(latencies, bytes));
            in.println("heap");
            String heap = out.readLine();
            long[] l = Arrays.copyOf(latencies, (int) Math.min(n, latencies.length));
            Arrays.sort(l);
            System.out.printf("threads=%d seconds=%d cacheTtl=%ss startup=%sms requests=%d rps=%.0f p50=%.2fms p99=%.2fms"
                            + " MB/s=%.1f avgBody=%dB heapAfterGcMB/maxMB=%s%n",
                    threads, seconds, ttl, ready[2], n, n / (double) seconds, l[l.length / 2] / 1e6,
                    l[(int) (l.length * 0.99)] / 1e6, bytes.get() / 1e6 / seconds, bytes.get() / Math.max(1, n),
                    heap.substring(5).replace(' ', '/'));
        } finally {
            in.close();
            child.waitFor();
        }
    }

    private record Recorder(long[] latencies, AtomicLong bytes) {
    }

    private static long run(int port, int threads, int seconds, Recorder rec) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            Thread th = new Thread(() -> {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    OutputStream os = s.getOutputStream();
                    InputStream is = new BufferedInputStream(s.getInputStream(), 256 * 1024);
                    for (int i = offset; !stop.get(); i++) {
                        int district = 1 + i % 796;
                        int day = 24 + (i / 796) % 7;
                        long t0 = System.nanoTime();
                        os.write(("GET /api/v2/appointment/sessions/public/calendarByDistrict?district_id=" + district
                                + "&date=" + day + "-05-2021 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 bench\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        int len = readResponse(is);
                        long k = count.getAndIncrement();
                        if (rec != null) {
                            if (k < rec.latencies().length) {
                                rec.latencies()[(int) k] = System.nanoTime() - t0;
                            }
                            rec.bytes().addAndGet(len);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("benchmark connection failed", e);
                }
            });
            th.start();
            ts.add(th);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread th : ts) {
            th.join();
        }
        return count.get();
    }

    /** Reads one response, returns its body length. */
    private static int readResponse(InputStream is) throws IOException {
        int contentLength = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = is.read();
            if (b < 0) {
                throw new IOException("server closed the connection");
            }
            if (b == '\n') {
                String l = line.toString().trim();
                line.setLength(0);
                if (l.isEmpty()) {
                    break;
                }
                if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    contentLength = Integer.parseInt(l.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        is.skipNBytes(contentLength);
        return contentLength;
    }

    private static String javaBin() {
        return System.getProperty("java.home") + "/bin/java";
    }
}
