package org.proposals.kit.worker;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that works through a backlog in batches: at once when {@link #wake() woken} after a
 * commit that added work, every poll interval otherwise (for work committed by other replicas), again
 * straight away after a full batch, and after a back-off that doubles with each failure in a row.
 * The outbox relay and the audit sealer are such workers.
 */
public abstract class BatchWorker {

    private static final Logger LOG = Logger.getLogger(BatchWorker.class);

    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    /** The outcome of one batch: whether more work is probably waiting, or why it failed. */
    protected record Batch(boolean full, String failure) {

        public static Batch done(int worked, int batchSize) {
            return new Batch(worked >= batchSize, null);
        }

        public static Batch failed(String reason) {
            return new Batch(false, reason);
        }
    }

    /** Does one batch. A thrown exception counts as a failure like {@link Batch#failed}. */
    protected abstract Batch work();

    protected abstract Duration pollInterval();

    /** Back-off after {@code failures} failures in a row: doubling from the minimum to the maximum, with jitter. */
    protected Duration backoff(int failures, Duration min, Duration max) {
        long floor = min.toMillis();
        long capped = Math.min(max.toMillis(), Math.max(floor, floor << Math.min(failures - 1, 20)));
        // jitter, so that replicas and services don't retry in lock-step
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    protected abstract Duration backoff(int failures);

    /** Called on the worker's thread before the first batch. */
    protected void prepare() {
    }

    /** Called after each failure, before the back-off. */
    protected void failed(String reason, int failures, Duration pause) {
        LOG.warnf("%s failed (%s); retrying in %d ms", thread == null ? "worker" : thread.getName(), reason, pause.toMillis());
    }

    /** Called after each batch that did not fail. */
    protected void succeeded() {
    }

    protected final void startWorker(String name) {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    protected final void stopWorker() {
        running = false;
        Thread current = thread;
        if (current != null) {
            wakeups.release();
            try {
                current.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the worker to look now (called after a commit that gave it work). */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    public boolean isRunning() {
        Thread current = thread;
        return running && current != null && current.isAlive();
    }

    private void run() {
        try {
            prepare();
        } catch (RuntimeException e) {
            LOG.debugf("%s not prepared yet: %s", thread.getName(), e.toString());
        }
        int failures = 0;
        while (running) {
            Batch batch;
            try {
                batch = work();
            } catch (RuntimeException e) {
                batch = Batch.failed(e.toString()); // database unavailable or similar: nothing was done
            }
            if (batch.failure() != null) {
                failures++;
                Duration pause = backoff(failures);
                failed(batch.failure(), failures, pause);
                sleep(pause);
                continue;
            }
            failures = 0;
            succeeded();
            if (batch.full()) {
                continue; // a full batch: more are probably waiting
            }
            try {
                wakeups.tryAcquire(pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits out a back-off; commits don't cut it short (what failed is what we wait for), shutdown does. */
    private void sleep(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        try {
            while (running && System.nanoTime() < deadline) {
                Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
