package dk.trials.outcome.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A participant with the earliest terminal outcome counted for them so far ({@code endedDay} null: none yet).
 * {@code jobcentre} enrolled them (their stratum in the aggregates); {@code actingJobcentre} acts for them now, the
 * same unless an admin transferred the citizen to another jobcentre.
 */
public record ParticipantRecord(UUID enrolmentId, UUID trialId, String pseudonym, String arm, String jobcentre,
                                String actingJobcentre, LocalDate enrolledOn, Integer endedDay, Boolean endedByJobExit) {

    public int dayOfFollowUp(LocalDate occurredOn) {
        return (int) ChronoUnit.DAYS.between(enrolledOn, occurredOn);
    }

    /**
     * Whether an outcome on {@code day} ends follow-up earlier than what is counted: an earlier day, or the same day
     * as a censoring when it is a job exit (events precede censoring at equal times).
     */
    public boolean endsEarlier(int day, boolean jobExit) {
        return endedDay == null || day < endedDay || (day == endedDay && jobExit && !endedByJobExit);
    }

    public ParticipantRecord endedAt(int day, boolean jobExit) {
        return new ParticipantRecord(enrolmentId, trialId, pseudonym, arm, jobcentre, actingJobcentre, enrolledOn, day,
                jobExit);
    }
}
