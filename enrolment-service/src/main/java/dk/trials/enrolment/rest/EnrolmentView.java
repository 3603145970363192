package dk.trials.enrolment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An enrolment with where it came from and, once withdrawn, the withdrawal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentView(UUID enrolmentId, UUID trialId, String arm, Instant enrolledAt, String stratum,
                            String jobcentre, LocalDate enrolledOn, boolean imported, Withdrawal withdrawal) {

    public record Withdrawal(LocalDate date, String reason, Instant recordedAt) {
    }
}
