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

    public record Cell(String arm, String jobcentre, LocalDate enrolledOn, int day) {
        static final Comparator<Cell> ORDER = Comparator.comparing(Cell::arm).thenComparing(Cell::jobcentre)
                .thenComparing(Cell::enrolledOn).thenComparingInt(Cell::day);
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

    private final Map<Cell, long[]> changes = new TreeMap<>(Cell.ORDER);
    private final Map<Day, long[]> days = new TreeMap<>(Day.ORDER);
    private final Map<Enrolment, long[]> ended = new TreeMap<>(Enrolment.ORDER);

    /** Moves a participant's end of follow-up to {@code day}, taking it off the cell it was counted in before. */
    public void move(ParticipantRecord before, int day, boolean jobExit) {
        if (before.endedDay() != null) {
            add(before, before.endedDay(), before.endedByJobExit(), -1);
        } else {
            ended.computeIfAbsent(new Enrolment(before.arm(), before.jobcentre(), before.enrolledOn()), e -> new long[1])[0]++;
        }
        add(before, day, jobExit, +1);
    }

    private void add(ParticipantRecord p, int day, boolean jobExit, int sign) {
        long[] counts = changes.computeIfAbsent(new Cell(p.arm(), p.jobcentre(), p.enrolledOn(), day), c -> new long[2]);
        counts[jobExit ? 0 : 1] += sign;
        days.computeIfAbsent(new Day(p.arm(), p.jobcentre(), day), d -> new long[2])[jobExit ? 0 : 1] += sign;
    }

    public Map<Cell, long[]> changes() {
        return changes;
    }

    public Map<Day, long[]> days() {
        return days;
    }

    /** Participants whose first terminal outcome was counted, by enrolment. */
    public Map<Enrolment, long[]> ended() {
        return ended;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
