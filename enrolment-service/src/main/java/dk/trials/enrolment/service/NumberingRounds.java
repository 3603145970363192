package dk.trials.enrolment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link EnrolmentNumbering} in rounds on one thread, each round in a transaction of its own, so that one commit
 * numbers the enrolments of many requests. An enrolling request, once its enrolment has committed, waits for a round
 * that began after that commit: when it answers, its enrolment is numbered and its event is in the outbox, as when
 * each enrolment numbered itself. Requests that commit while a round runs are numbered together by the next. The
 * wait is bounded: a round that fails or finds the trial's number row held (an import) leaves the enrolment to a
 * later round, and the answer, an allocation that has committed, stands either way. Rounds also run every
 * {@code trials.enrolment.numbering.poll-interval}, for enrolments a restart or another replica left waiting.
 */
@ApplicationScoped
public class NumberingRounds {

    private static final Logger LOG = Logger.getLogger(NumberingRounds.class);

    /** How long a request waits for its round before answering with its enrolment waiting for a number. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final EnrolmentNumbering numbering;
    private final Duration pollInterval;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Object rounds = new Object();
    /** Completed when the round that has not begun yet ends; replaced as that round begins. */
    private CompletableFuture<Void> next = new CompletableFuture<>();
    private volatile boolean running;
    private Thread worker;

    public NumberingRounds(EnrolmentNumbering numbering,
                           @ConfigProperty(name = "trials.enrolment.numbering.poll-interval", defaultValue = "1s")
                           Duration pollInterval) {
        this.numbering = numbering;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "enrolment-numbering");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * After the HTTP server let in-flight requests finish, and before the outbox relay's last flush (a lower priority
     * is observed first): their enrolments' events are in the outbox when it sends.
     */
    void stop(@Observes @Priority(1000) ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(MAX_WAIT.toMillis());
        }
        round();
    }

    /** Returns once a round that began after this call has ended, or after {@link #MAX_WAIT}. */
    public void awaitNumbering() {
        CompletableFuture<Void> round;
        synchronized (rounds) {
            round = next;
        }
        wakeUp.release();
        try {
            round.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("No numbering round ended within %s; the enrolment is numbered by a later one", MAX_WAIT);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            CompletableFuture<Void> current;
            synchronized (rounds) {
                current = next;
                next = new CompletableFuture<>();
            }
            try {
                round();
            } finally {
                current.complete(null);
            }
            try {
                wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void round() {
        try {
            QuarkusTransaction.requiringNew().timeout(60).call(numbering::numberWaiting);
        } catch (RuntimeException e) {
            LOG.warnf("Enrolments not numbered in this round, the next one tries again: %s", e.getMessage());
        }
    }
}
