package dk.trials.outcome.service;

import java.time.LocalDate;
import java.util.Optional;

/** The domain rules an outcome must keep to be counted for its participant; each broken rule has a reason. */
final class OutcomeRules {

    private OutcomeRules() {
    }

    /** A rule broken by the outcome whatever its participant: it cannot have happened yet. */
    static Optional<String> brokenWithoutParticipant(LocalDate occurredOn, LocalDate today) {
        return occurredOn.isAfter(today)
                ? Optional.of("occurredOn " + occurredOn + " is in the future")
                : Optional.empty();
    }

    /**
     * The rule that needs the participant: not before their enrolment. Applied only where the reporter may know the
     * participant ({@link OutcomeMatch#seenBy}).
     */
    static Optional<String> brokenFor(ParticipantRecord participant, LocalDate occurredOn) {
        if (occurredOn.isBefore(participant.enrolledOn())) {
            return Optional.of("occurredOn " + occurredOn + " is before the participant's enrolment on "
                    + participant.enrolledOn());
        }
        return Optional.empty();
    }
}
