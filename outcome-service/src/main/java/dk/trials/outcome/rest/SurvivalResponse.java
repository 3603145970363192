package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Kaplan–Meier curves by allocated arm, one point per day with a job exit or a censoring. */
public record SurvivalResponse(UUID trialId, LocalDate asOf, int horizonDays, List<ArmCurve> arms) {

    @Schema(name = "SurvivalArmCurve")
    public record ArmCurve(String arm, long participants, List<Point> points) {
    }

    @Schema(name = "SurvivalPoint",
            description = "survfit row: surv = share not yet exited to a job; log(−log) 95% limits, null where surv is 0 "
                    + "or 1 (R's NA)")
    public record Point(int time, long nRisk, long nEvent, long nCensor, double surv,
                        @Schema(nullable = true, description = "Greenwood standard error of surv: 0 while surv is 1, "
                                + "null from the day surv reaches 0 (R's NaN)") Double stdErr,
                        @Schema(nullable = true) Double lower, @Schema(nullable = true) Double upper,
                        double cumulativeIncidence) {
    }
}
