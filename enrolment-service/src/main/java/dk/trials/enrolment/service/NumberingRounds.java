package dk.trials.enrolment.service;

import dk.trials.platform.worker.RoundWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link EnrolmentNumbering} in rounds on a {@link RoundWorker}, each round in a transaction of its own, so that
 * one commit numbers the enrolments of many requests. An enrolling request, once its enrolment has committed, waits for a round
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
    /** No linger: the requests waiting for the round wait for its commit, and those that come meanwhile go next. */
    private final RoundWorker worker = new RoundWorker("enrolment-numbering", Duration.ZERO, this::round);

    public NumberingRounds(EnrolmentNumbering numbering,
                           @ConfigProperty(name = "trials.enrolment.numbering.poll-interval", defaultValue = "1s")
                           Duration pollInterval) {
        this.numbering = numbering;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent startup) {
        worker.start();
    }

    /**
     * After the HTTP server let in-flight requests finish, and before the outbox relay's last flush (a lower priority
     * is observed first): their enrolments' events are in the outbox when it sends.
     */
    void stop(@Observes @Priority(1000) ShutdownEvent shutdown) throws InterruptedException {
        worker.stop(MAX_WAIT);
        round();
    }

    /** Returns once a round that began after this call has ended, or after {@link #MAX_WAIT}. */
    public void awaitNumbering() {
        try {
            worker.nextRound().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("No numbering round ended within %s; the enrolment is numbered by a later one", MAX_WAIT);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration round() {
        try {
            QuarkusTransaction.requiringNew().timeout(60).call(numbering::numberWaiting);
        } catch (RuntimeException e) {
            LOG.warnf("Enrolments not numbered in this round, the next one tries again: %s", e.getMessage());
        }
        return pollInterval;
    }
}
