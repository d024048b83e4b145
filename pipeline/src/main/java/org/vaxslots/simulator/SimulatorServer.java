package org.vaxslots.simulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Co-WIN-compatible HTTP server on 127.0.0.1, one thread per keep-alive connection (at most
 * {@link #MAX_CONNECTIONS}; more are refused by closing them). Start it, point a crawler at
 * {@link #baseUri()}, read {@link #stats()}, close it.
 */
public final class SimulatorServer implements AutoCloseable {
    static final int MAX_CONNECTIONS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

    private final ServerSocket serverSocket;
    private final SimClock clock;
    private final Stats stats;
    private final ThreadPoolExecutor workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SimulatorServer(ServerSocket serverSocket, SimClock clock, Stats stats, RequestHandler handler) {
        this.serverSocket = serverSocket;
        this.clock = clock;
        this.stats = stats;
        AtomicInteger ids = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "vaxslots-sim-conn-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(() -> acceptLoop(handler), "vaxslots-sim-accept-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Starts with the real system clock as the wall clock. */
    public static SimulatorServer start(SimulatorConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts with an injected wall clock, which drives the simulated clock (at the configured
     * speed) and the rate-limit window and lock-out; tests pass a {@link ManualClock}.
     */
    public static SimulatorServer start(SimulatorConfig config, Clock wall) {
        long t0 = System.nanoTime();
        Geography geography = Geography.load();
        SupplyModel model = new SupplyModel(config.seed(), geography);
        ReplayStore replay = config.replayDir() == null ? ReplayStore.empty() : ReplayStore.load(config.replayDir());
        SimClock clock = new SimClock(wall, config.start(), config.speed());
        Stats stats = new Stats();
        RequestHandler handler = new RequestHandler(config, clock, stats, new ApiRouter(model), replay);
        ServerSocket ss;
        try {
            ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to 127.0.0.1:" + config.port(), e);
        }
        SimulatorServer server = new SimulatorServer(ss, clock, stats, handler);
        server.acceptor.start();
        LOG.info("Co-WIN simulator on {} ({} districts, {} replay files, seed {}, start {}, speed {}, limit {}) in {} ms",
                server.baseUri(), geography.allDistricts().size(), replay.size(), config.seed(), config.start(),
                config.speed(), config.rateLimit() == null ? "none" : config.rateLimit(),
                (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/api");
    }

    public SimClock clock() {
        return clock;
    }

    public Stats stats() {
        return stats;
    }

    private void acceptLoop(RequestHandler handler) {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed on port {}: {}", port(), e.toString());
                }
                continue;
            }
            open.add(s);
            try {
                workers.execute(new Connection(s, handler::handle, () -> open.remove(s)));
            } catch (RejectedExecutionException e) {
                open.remove(s);
                closeQuietly(s);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        for (Socket s : open) {
            closeQuietly(s);
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing a socket that is already closed or reset: nothing left to release.
        }
    }
}
