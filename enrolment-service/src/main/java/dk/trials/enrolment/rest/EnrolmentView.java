package dk.trials.enrolment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.service.Participant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An enrolment with where it came from, the jobcentre that acts for the participant now and, once withdrawn, the
 * withdrawal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An enrolment with its allocation and, once withdrawn, the withdrawal",
        requiredProperties = {"enrolmentId", "trialId", "arm", "enrolledAt", "stratum", "jobcentre",
                "responsibleJobcentre", "enrolledOn", "imported"})
public record EnrolmentView(UUID enrolmentId, UUID trialId, String arm, Instant enrolledAt, String stratum,
                            @Schema(description = "The jobcentre that enrolled the citizen (the stratum's jobcentre)")
                            String jobcentre,
                            @Schema(description = "The jobcentre that acts for the participant now: the enrolling one, "
                                    + "or the one it was last transferred to") String responsibleJobcentre,
                            LocalDate enrolledOn, boolean imported,
                            @Schema(description = "Present once the participant withdrew") Withdrawal withdrawal) {

    @Schema(name = "EnrolmentWithdrawal", requiredProperties = {"date", "reason", "recordedAt"})
    public record Withdrawal(LocalDate date, String reason, Instant recordedAt) {
    }

    static EnrolmentView from(Participant participant) {
        Enrolment e = participant.enrolment();
        return new EnrolmentView(e.id, e.trialId, e.arm, e.enrolledAt, e.stratum, e.jobcentre,
                participant.responsibleJobcentre(), e.enrolledOn, e.imported,
                e.withdrawn() ? new Withdrawal(e.withdrawnOn, e.withdrawalReason, e.withdrawnAt) : null);
    }
}
