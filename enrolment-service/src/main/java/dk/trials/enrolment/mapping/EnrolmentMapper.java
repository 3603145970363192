package dk.trials.enrolment.mapping;

import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.rest.EnrolmentResponse;
import dk.trials.enrolment.rest.EnrolmentView;
import jakarta.enterprise.context.ApplicationScoped;

/** Enrolments as the API shows them; the participant pseudonym stays inside the service and its events. */
@ApplicationScoped
public class EnrolmentMapper {

    public EnrolmentResponse toResponse(Enrolment e) {
        return new EnrolmentResponse(e.id, e.trialId, e.arm, e.enrolledAt, e.stratum);
    }

    public EnrolmentView toView(Enrolment e) {
        return new EnrolmentView(e.id, e.trialId, e.arm, e.enrolledAt, e.stratum, e.jobcentre, e.enrolledOn, e.imported,
                e.withdrawn() ? new EnrolmentView.Withdrawal(e.withdrawnOn, e.withdrawalReason, e.withdrawnAt) : null);
    }
}
