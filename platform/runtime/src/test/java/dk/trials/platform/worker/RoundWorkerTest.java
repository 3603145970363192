package dk.trials.platform.worker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round worker runs a round when woken and, unwoken, after the wait the last round asked for; the wake-ups that
 * come during a round make one round more; a future from {@code nextRound} completes only once a round that began
 * after it was asked for has ended.
 */
class RoundWorkerTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Rounds block until the test lets each one end. */
    private final Semaphore mayEnd = new Semaphore(0);
    private final AtomicInteger begun = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private RoundWorker worker;

    private Duration gatedRound() {
        begun.incrementAndGet();
        mayEnd.acquireUninterruptibly();
        ended.incrementAndGet();
        return AN_HOUR;
    }

    @AfterEach
    void stop() throws InterruptedException {
        mayEnd.release(100);
        worker.stop(PATIENCE);
    }

    @Test
    void aFutureAskedForDuringARoundWaitsForTheNextRoundToEnd() throws Exception {
        worker = new RoundWorker("test-rounds", Duration.ZERO, this::gatedRound);
        worker.start();
        await().atMost(PATIENCE).until(() -> begun.get() == 1);

        CompletableFuture<Void> next = worker.nextRound();
        mayEnd.release();
        await().atMost(PATIENCE).until(() -> begun.get() == 2);
        assertEquals(1, ended.get());
        assertFalse(next.isDone(), "the round under way when it was asked for does not count");

        mayEnd.release();
        next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2, ended.get());
    }

    @Test
    void wakeUpsDuringARoundMakeOneRoundMoreNotOneEach() throws Exception {
        worker = new RoundWorker("test-rounds", Duration.ZERO, this::gatedRound);
        worker.start();
        await().atMost(PATIENCE).until(() -> begun.get() == 1);

        for (int i = 0; i < 5; i++) {
            worker.wakeUp();
        }
        mayEnd.release(2);
        await().atMost(PATIENCE).until(() -> ended.get() == 2);
        // The second round asked for an hour's wait; nothing woke the worker since it began.
        Thread.sleep(200);
        assertEquals(2, begun.get());

        CompletableFuture<Void> next = worker.nextRound();
        mayEnd.release();
        next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(3, ended.get());
    }

    @Test
    void unwokenTheNextRoundRunsAfterTheWaitTheLastOneAskedFor() {
        AtomicInteger rounds = new AtomicInteger();
        worker = new RoundWorker("test-rounds", Duration.ZERO, () -> {
            rounds.incrementAndGet();
            return Duration.ofMillis(10);
        });
        worker.start();

        await().atMost(PATIENCE).until(() -> rounds.get() >= 3);
    }

    @Test
    void aStoppedWorkerLetsItsRoundEndAndRunsNoMore() throws Exception {
        worker = new RoundWorker("test-rounds", Duration.ZERO, this::gatedRound);
        worker.start();
        await().atMost(PATIENCE).until(() -> begun.get() == 1);
        assertTrue(worker.running());

        mayEnd.release();
        worker.stop(PATIENCE);
        worker.wakeUp();

        assertFalse(worker.running());
        assertEquals(1, begun.get());
        assertEquals(1, ended.get());
    }
}
