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

    /** Rules that need the participant: reported by their own jobcentre, and not before their enrolment. */
    static Optional<String> brokenFor(ParticipantRecord participant, LocalDate occurredOn, String reportedByJobcentre) {
        if (reportedByJobcentre != null && !reportedByJobcentre.equals(participant.jobcentre())) {
            return Optional.of("the participant is not enrolled by jobcentre " + reportedByJobcentre);
        }
        if (occurredOn.isBefore(participant.enrolledOn())) {
            return Optional.of("occurredOn " + occurredOn + " is before the participant's enrolment on "
                    + participant.enrolledOn());
        }
        return Optional.empty();
    }
}
