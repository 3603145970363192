package dk.trials.enrolment.service;

import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentTransfer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The jobcentre that acts for a participant: the one named by the participant's latest transfer, or else the one that
 * enrolled them. Only that jobcentre (or an admin) gets the enrolment back, reads it or records its withdrawal.
 */
@ApplicationScoped
public class ResponsibleJobcentre {

    public String of(Enrolment enrolment) {
        return EnrolmentTransfer.latestOf(enrolment.id).map(transfer -> transfer.toJobcentre).orElse(enrolment.jobcentre);
    }
}
