package dk.trials.outcome.statistics;

/**
 * How one group's follow-up ended, by whole day of analysis time 0..lastDay: job exits (events) and censorings
 * (censoring outcomes as well as administrative censoring at {@code asOf} or the horizon). Every participant ends
 * on exactly one day, so the number at risk on a day is everyone who has not ended before it. This is all that
 * Kaplan–Meier, the log-rank test and the Cox partial likelihood for an arm indicator need: the cost grows with
 * days of follow-up, not with participants.
 */
public final class FollowUpTable {

    private final long[] events;
    private final long[] censorings;
    private final long[] atRisk;

    private FollowUpTable(long[] events, long[] censorings) {
        this.events = events;
        this.censorings = censorings;
        this.atRisk = new long[events.length + 1];
        for (int day = events.length - 1; day >= 0; day--) {
            atRisk[day] = atRisk[day + 1] + events[day] + censorings[day];
        }
    }

    public static Builder builder(int lastDay) {
        return new Builder(lastDay);
    }

    public int lastDay() {
        return events.length - 1;
    }

    public long participants() {
        return atRisk[0];
    }

    public long events(int day) {
        return events[day];
    }

    public long censorings(int day) {
        return censorings[day];
    }

    /** Participants still followed at the start of {@code day}: those censored on the day are still at risk. */
    public long atRisk(int day) {
        return day < 0 ? atRisk[0] : day > lastDay() ? 0 : atRisk[day];
    }

    public long totalEvents() {
        long total = 0;
        for (long e : events) {
            total += e;
        }
        return total;
    }

    /** Collects counts; days beyond {@code lastDay} are a programming error (times are capped at the horizon). */
    public static final class Builder {
        private final long[] events;
        private final long[] censorings;

        private Builder(int lastDay) {
            if (lastDay < 0) {
                throw new IllegalArgumentException("lastDay must be >= 0");
            }
            this.events = new long[lastDay + 1];
            this.censorings = new long[lastDay + 1];
        }

        public Builder event(int day, long count) {
            events[day] += count;
            return this;
        }

        public Builder censoring(int day, long count) {
            censorings[day] += count;
            return this;
        }

        public Builder add(FollowUpTable other) {
            for (int day = 0; day <= Math.min(other.lastDay(), events.length - 1); day++) {
                events[day] += other.events[day];
                censorings[day] += other.censorings[day];
            }
            return this;
        }

        public FollowUpTable build() {
            return new FollowUpTable(events.clone(), censorings.clone());
        }
    }
}
