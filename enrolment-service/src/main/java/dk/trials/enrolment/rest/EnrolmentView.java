package dk.trials.enrolment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trials.enrolment.Enrolment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An enrolment with where it came from and, once withdrawn, the withdrawal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An enrolment with its allocation and, once withdrawn, the withdrawal",
        requiredProperties = {"enrolmentId", "trialId", "arm", "enrolledAt", "stratum", "jobcentre", "enrolledOn", "imported"})
public record EnrolmentView(UUID enrolmentId, UUID trialId, String arm, Instant enrolledAt, String stratum,
                            String jobcentre, LocalDate enrolledOn, boolean imported,
                            @Schema(description = "Present once the participant withdrew") Withdrawal withdrawal) {

    @Schema(name = "EnrolmentWithdrawal", requiredProperties = {"date", "reason", "recordedAt"})
    public record Withdrawal(LocalDate date, String reason, Instant recordedAt) {
    }

    static EnrolmentView from(Enrolment e) {
        return new EnrolmentView(e.id, e.trialId, e.arm, e.enrolledAt, e.stratum, e.jobcentre, e.enrolledOn, e.imported,
                e.withdrawn() ? new Withdrawal(e.withdrawnOn, e.withdrawalReason, e.withdrawnAt) : null);
    }
}
