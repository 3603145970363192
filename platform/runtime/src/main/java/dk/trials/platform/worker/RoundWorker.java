package dk.trials.platform.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One thread that runs a job in rounds: a round runs as soon as someone wakes the worker (after {@code linger}, to
 * gather the wake-ups that follow into the same round) and otherwise when the wait the last round asked for is over,
 * for work that other replicas or a restart left behind. Wake-ups that come while a round runs make one round more,
 * not one each. Whoever needs a round to have run since it asked waits on {@link #nextRound()}.
 */
public final class RoundWorker {

    /** One round of the job. It handles its own failures; what it returns is how long to wait, unwoken, for the next. */
    @FunctionalInterface
    public interface Round {
        Duration run();
    }

    private final String name;
    private final Duration linger;
    private final Round round;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Object rounds = new Object();
    /** Completed when the round that has not begun yet ends; replaced as that round begins. */
    private CompletableFuture<Void> next = new CompletableFuture<>();
    private volatile boolean running;
    private Thread thread;

    public RoundWorker(String name, Duration linger, Round round) {
        this.name = name;
        this.linger = linger;
        this.round = round;
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs no more rounds, waiting at most {@code patience} for the one under way to end. */
    public void stop(Duration patience) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(patience.toMillis());
        }
    }

    /** True between {@link #start()} and {@link #stop}: a round that loops over batches stops early otherwise. */
    public boolean running() {
        return running;
    }

    public void wakeUp() {
        wakeUp.release();
    }

    /** Wakes the worker; the future completes once a round that began after this call has ended. */
    public CompletableFuture<Void> nextRound() {
        CompletableFuture<Void> after;
        synchronized (rounds) {
            after = next;
        }
        wakeUp.release();
        return after;
    }

    private void run() {
        while (running) {
            CompletableFuture<Void> current;
            synchronized (rounds) {
                current = next;
                next = new CompletableFuture<>();
            }
            Duration idle;
            try {
                idle = round.run();
            } finally {
                current.complete(null);
            }
            try {
                if (wakeUp.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS) && !linger.isZero()) {
                    Thread.sleep(linger.toMillis());
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
