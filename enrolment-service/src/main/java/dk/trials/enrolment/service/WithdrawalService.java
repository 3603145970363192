package dk.trials.enrolment.service;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records a withdrawal beside the allocation (which is never changed) and publishes it. */
@ApplicationScoped
public class WithdrawalService {

    private final EnrolmentEventPublisher events;
    private final EnrolmentNumbering numbering;
    private final ResponsibleJobcentre responsible;
    private final Clock clock;

    public WithdrawalService(EnrolmentEventPublisher events, EnrolmentNumbering numbering, ResponsibleJobcentre responsible,
                             Clock clock) {
        this.events = events;
        this.numbering = numbering;
        this.responsible = responsible;
        this.clock = clock;
    }

    @Transactional
    public Participant withdraw(UUID trialId, UUID enrolmentId, WithdrawParticipant command, Caller caller) {
        // Its withdrawal or transfer is published after its enrolment, which may be waiting for its number still.
        numbering.numberBeforeChangeOf(trialId, enrolmentId);
        Enrolment enrolment = Enrolment.findById(enrolmentId, LockModeType.PESSIMISTIC_WRITE);
        if (enrolment == null || !enrolment.trialId.equals(trialId)) {
            throw ProblemException.notFound("No such enrolment in this trial");
        }
        String jobcentre = responsible.of(enrolment);
        caller.requireActingFor(jobcentre);
        if (enrolment.withdrawn()) {
            throw ProblemException.conflict("The participant already withdrew on " + enrolment.withdrawnOn);
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.date().isBefore(enrolment.enrolledOn)) {
            errors.add(new FieldError("date", "is before the enrolment on " + enrolment.enrolledOn));
        }
        LocalDate today = LocalDate.now(clock);
        if (command.date().isAfter(today)) {
            errors.add(new FieldError("date", "is in the future; today is " + today));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.brokenRules("Invalid withdrawal", "withdrawal", errors);
        }
        enrolment.withdrawnOn = command.date();
        enrolment.withdrawalReason = command.reason();
        enrolment.withdrawnBy = caller.name();
        enrolment.withdrawnAt = clock.instant();
        events.withdrawn(enrolment);
        return new Participant(enrolment, jobcentre);
    }
}
