package dk.trials.contracts.events.trial;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** One arm of a trial: its code (used in allocations), a name, its allocation weight and whether it is the control. */
public record ArmDesign(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,39}", message = "must be lower-case letters, digits, - or _, at most 40") String code,
        @NotBlank String name,
        @Positive int allocationWeight,
        boolean control) {
}
