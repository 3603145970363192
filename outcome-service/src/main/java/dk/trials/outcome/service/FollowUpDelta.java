package dk.trials.outcome.service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the follow-up aggregates collected over a transaction, so that a batch of outcomes becomes one upsert
 * per touched cell. Cells are kept sorted so that concurrent transactions lock them in the same order.
 */
public final class FollowUpDelta {

    /** How many follow-ups ended by a job exit and by a censoring (negative: taken off a cell). */
    public record Ends(long jobExits, long censorings) {

        static Ends one(boolean jobExit, int sign) {
            return jobExit ? new Ends(sign, 0) : new Ends(0, sign);
        }

        Ends plus(Ends other) {
            return new Ends(jobExits + other.jobExits, censorings + other.censorings);
        }
    }

    /** A day of follow-up of an arm in a jobcentre, whatever the enrolment date. */
    public record Day(String arm, String jobcentre, int day) {
        static final Comparator<Day> ORDER = Comparator.comparing(Day::arm).thenComparing(Day::jobcentre)
                .thenComparingInt(Day::day);
    }

    /** The participants of an arm in a jobcentre enrolled on one date. */
    public record Enrolment(String arm, String jobcentre, LocalDate enrolledOn) {
        static final Comparator<Enrolment> ORDER = Comparator.comparing(Enrolment::arm)
                .thenComparing(Enrolment::jobcentre).thenComparing(Enrolment::enrolledOn);
    }

    private final Map<Day, Ends> days = new TreeMap<>(Day.ORDER);
    private final Map<Enrolment, Long> firstEnds = new TreeMap<>(Enrolment.ORDER);

    /** Moves a participant's end of follow-up to {@code day}, taking it off the cell it was counted in before. */
    public void move(ParticipantRecord before, int day, boolean jobExit) {
        if (before.endedDay() != null) {
            add(before, before.endedDay(), before.endedByJobExit(), -1);
        } else {
            firstEnds.merge(new Enrolment(before.arm(), before.jobcentre(), before.enrolledOn()), 1L, Long::sum);
        }
        add(before, day, jobExit, +1);
    }

    private void add(ParticipantRecord p, int day, boolean jobExit, int sign) {
        Ends change = Ends.one(jobExit, sign);
        days.merge(new Day(p.arm(), p.jobcentre(), day), change, Ends::plus);
    }

    public Map<Day, Ends> days() {
        return days;
    }

    /** Participants whose first terminal outcome was counted, by enrolment. */
    public Map<Enrolment, Long> firstEnds() {
        return firstEnds;
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }
}
