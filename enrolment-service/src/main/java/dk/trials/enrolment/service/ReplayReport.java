package dk.trials.enrolment.service;

import java.util.List;
import java.util.UUID;

/** The outcome of replaying a trial's decision log: how many allocations were checked and which were not reproduced. */
public record ReplayReport(UUID trialId, int checked, int reproduced, List<Mismatch> mismatches) {

    /** An allocation the replay could not reproduce; the reason never names an arm, so it reveals no allocation. */
    public record Mismatch(UUID enrolmentId, String sequence, long position, String reason) {
    }
}
