package dk.trials.enrolment.service.allocation;

import java.util.List;

/**
 * Plays back recorded draws in order. Asking for a different kind of draw than was recorded, or for more draws,
 * means the allocation function took another path than it did live: a replay mismatch.
 */
public final class ReplayedDraws implements Draws {

    private final List<Draw> recorded;
    private int next;

    public ReplayedDraws(List<Draw> recorded) {
        this.recorded = recorded;
    }

    @Override
    public int below(int bound) {
        Draw draw = take();
        if (draw.bound() != bound || draw.value() != Math.floor(draw.value()) || draw.value() < 0 || draw.value() >= bound) {
            throw new ReplayMismatchException("draw " + next + " was " + describe(draw) + ", the replay asks for an integer below " + bound);
        }
        return (int) draw.value();
    }

    @Override
    public double uniform() {
        Draw draw = take();
        if (!draw.isUniform() || draw.value() < 0 || draw.value() >= 1) {
            throw new ReplayMismatchException("draw " + next + " was " + describe(draw) + ", the replay asks for a uniform number");
        }
        return draw.value();
    }

    /** True when the allocation used every recorded draw: a recorded draw left over is a mismatch too. */
    public boolean exhausted() {
        return next == recorded.size();
    }

    private Draw take() {
        if (next >= recorded.size()) {
            throw new ReplayMismatchException("the replay needs more than the " + recorded.size() + " recorded draws");
        }
        return recorded.get(next++);
    }

    private static String describe(Draw draw) {
        return draw.isUniform() ? "a uniform number" : "an integer below " + draw.bound();
    }
}
