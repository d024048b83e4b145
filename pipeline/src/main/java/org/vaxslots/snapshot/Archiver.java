package org.vaxslots.snapshot;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.vaxslots.raw.WarcArchiveWriter;

/**
 * Writes a sweep's exchanges on a thread of its own, in the order they were made, so the next
 * request goes out while the last response is digested, compressed and written. The hand-off is
 * bounded: at most {@link #MAX_QUEUED_BYTES} of exchanges wait (or a single one of any size), and
 * the crawler blocks until there is room.
 *
 * <p>Crash safety is unchanged: an exchange counts as captured only once the file holding it is
 * published ({@link SweepFiles}), so what was still queued or half-written when the process died
 * is fetched again by the next run. A failure on the archive thread is never lost: the next
 * {@link #archive} or {@link #close} throws it, nothing more is written, and the file that was being
 * written is left unpublished.
 */
final class Archiver implements AutoCloseable {
    /** About 50 national calendar responses; the bound on what a crash can lose beyond the open file. */
    static final long MAX_QUEUED_BYTES = 4L * 1024 * 1024;

    /** How an exchange becomes records in a file: {@link ExchangeRecords#write}, or a test's own. */
    interface Recorder {
        void write(WarcArchiveWriter writer, Exchange x, Map<String, String> fields) throws IOException;
    }

    private record Item(Exchange exchange, Map<String, String> fields, long bytes) {}

    private final SweepFiles files;
    private final Recorder recorder;
    private final long maxQueuedBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private final Thread thread;
    private long queuedBytes;
    private boolean ending;
    private Throwable failure;
    private boolean failureThrown;
    private boolean closed;

    Archiver(SweepFiles files, Recorder recorder, long maxQueuedBytes) {
        this.files = files;
        this.recorder = recorder;
        this.maxQueuedBytes = maxQueuedBytes;
        this.thread = new Thread(this::drain, "vaxslots-archiver");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an exchange for the archive, waiting while the queue is full; throws the archive thread's failure. */
    void archive(Exchange x, Map<String, String> fields) throws IOException, InterruptedException {
        long bytes = size(x);
        lock.lock();
        try {
            while (failure == null && !queue.isEmpty() && queuedBytes + bytes > maxQueuedBytes) {
                changed.await();
            }
            throwFailure();
            queue.addLast(new Item(x, fields, bytes));
            queuedBytes += bytes;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static long size(Exchange x) {
        return x.requestBytes().length + (x.rawResponse() == null ? 0 : x.rawResponse().length)
                + (x.body() == null ? 0 : x.body().length);
    }

    private void drain() {
        while (true) {
            Item item;
            lock.lock();
            try {
                while (queue.isEmpty() && !ending) {
                    changed.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                item = queue.peekFirst();
            } finally {
                lock.unlock();
            }
            try {
                recorder.write(files.writer(), item.exchange(), item.fields());
                files.exchangeWritten();
            } catch (Throwable t) {
                lock.lock();
                try {
                    failure = t;
                    queue.clear();
                    queuedBytes = 0;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                return;
            }
            lock.lock();
            try {
                queue.pollFirst();
                queuedBytes -= item.bytes();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void throwFailure() throws IOException {
        if (failure == null || failureThrown) {
            return;
        }
        failureThrown = true;
        if (failure instanceof IOException e) {
            throw new IOException("archiving failed, so the sweep stops (the file being written is left unpublished and"
                    + " its exchanges will be fetched again): " + e.getMessage(), e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException("archiving failed: " + failure, failure);
    }

    /**
     * Writes what is queued, stops the thread, and publishes the last file, or, when the archive
     * thread failed, leaves that file unpublished and throws the failure. Waits for the queue even
     * when interrupted (it holds at most {@link #MAX_QUEUED_BYTES}); the interrupt is kept.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        lock.lock();
        try {
            ending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            try {
                files.abandonCurrent();
            } finally {
                files.close();
            }
            throwFailure();
        }
        files.close();
    }
}
