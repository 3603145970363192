package dk.trials.trial.rest;

import dk.trials.events.trial.PowerAssumptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What to plan a trial for: the power assumptions and, optionally, its arms (by default treatment : control 1 : 1). */
@Schema(name = "SampleSizeRequest")
public record SampleSizeRequest(
        @NotNull @Valid PowerAssumptions assumptions,
        @Schema(description = "Arms and their allocation weights, exactly one of them the control; "
                + "absent means treatment and control 1 : 1") List<@Valid @NotNull PlannedArm> arms) {

    /** An arm as far as the sample size is concerned: its code, weight and whether it is the control. */
    @Schema(name = "PlannedArm")
    public record PlannedArm(@NotBlank String code, @Positive int allocationWeight, boolean control) {
    }
}
