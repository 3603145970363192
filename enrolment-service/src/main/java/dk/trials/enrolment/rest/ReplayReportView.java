package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.ReplayReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The replay check's answer: how many allocations were checked, and which were not reproduced. */
@Schema(name = "ReplayReport", description = "Allocations checked and reproduced; the mismatches name no arm",
        requiredProperties = {"trialId", "checked", "reproduced", "mismatches"})
public record ReplayReportView(UUID trialId, int checked, int reproduced, List<Mismatch> mismatches) {

    @Schema(name = "ReplayMismatch", description = "An allocation the replay did not reproduce",
            requiredProperties = {"enrolmentId", "sequence", "position", "reason"})
    public record Mismatch(UUID enrolmentId,
                           @Schema(nullable = true, description = "null for simple randomisation") String sequence,
                           long position, String reason) {
    }

    static ReplayReportView from(ReplayReport report) {
        return new ReplayReportView(report.trialId(), report.checked(), report.reproduced(), report.mismatches().stream()
                .map(m -> new Mismatch(m.enrolmentId(), m.sequence(), m.position(), m.reason())).toList());
    }
}
