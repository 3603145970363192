package dk.trials.outcome.statistics;

import java.util.List;

/** A Kaplan–Meier curve: a right-continuous step function, one point per day with an event or a censoring. */
public record SurvivalCurve(List<SurvivalPoint> points) {

    public SurvivalCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve at {@code day}: the last point on or before it, as {@code summary(fit, times = day, extend = TRUE)}
     * gives it; before the first point the curve is 1 with no uncertainty.
     */
    public SurvivalPoint at(int day) {
        SurvivalPoint current = SurvivalPoint.start();
        for (SurvivalPoint point : points) {
            if (point.time() > day) {
                break;
            }
            current = point;
        }
        return current;
    }
}
