package dk.trials.outcome.service;

import dk.trials.outcome.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scheduled round runs on one replica at a time; a replica that finds it running skips it. */
@QuarkusTest
class ScheduledRoundLockTest extends TestInfrastructure {

    @Inject
    ScheduledRoundLock rounds;

    @Test
    void ofTwoCallsOfTheSameRoundAtOnceOneRunsAndTheOtherSkips() throws Exception {
        String round = "test-round-" + UUID.randomUUID();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        // The first call holds the round on a connection of its own, as another replica would.
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> rounds.runAlone(round, () -> {
            runs.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        assertTrue(running.await(30, TimeUnit.SECONDS));

        assertFalse(rounds.runAlone(round, runs::incrementAndGet), "skipped while the first call runs");
        assertTrue(rounds.runAlone("other-" + round, () -> { }), "another round is not held back");

        finish.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
        assertTrue(rounds.runAlone(round, runs::incrementAndGet), "free again once the first call ended");
        assertEquals(2, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
