package dk.trials.trial.service.power;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Participants one arm needs, in proportion to its allocation weight. */
@Schema(name = "ArmSampleSize")
public record ArmSampleSize(
        @Schema(examples = "treatment") String arm,
        @Schema(examples = "1") int allocationWeight,
        boolean control,
        @Schema(description = "Whole participants to enrol in this arm (rounded up)", examples = "1377") int participants) {
}
