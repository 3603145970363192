package dk.trials.enrolment.service;

import dk.trials.events.trial.BenefitType;

import java.time.LocalDate;
import java.util.List;

/** Allocations made before the trial moved to this system, to be taken over as they are, all or none. */
public record ImportAllocations(List<Line> lines) {

    /** One allocation made elsewhere: the citizen, where and when they were enrolled, and the arm they were given. */
    public record Line(String cpr, String jobcentre, String arm, LocalDate enrolledOn, BenefitType benefitType,
                       Integer weeksUnemployed) {

        /** Never reveal the CPR number, even in a debug print of the line. */
        @Override
        public String toString() {
            return "Line[jobcentre=" + jobcentre + ", arm=" + arm + ", enrolledOn=" + enrolledOn + "]";
        }
    }
}
