package dk.trials.enrolment.service.allocation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Draws from a cryptographically strong generator, so allocations cannot be foreseen, and keeps them for replay. */
public final class RecordingDraws implements Draws {

    private final SecureRandom random;
    private final List<Draw> drawn = new ArrayList<>(8);

    public RecordingDraws(SecureRandom random) {
        this.random = random;
    }

    @Override
    public int below(int bound) {
        int value = random.nextInt(bound);
        drawn.add(Draw.integer(bound, value));
        return value;
    }

    @Override
    public double uniform() {
        double value = random.nextDouble();
        drawn.add(Draw.uniform(value));
        return value;
    }

    public List<Draw> drawn() {
        return List.copyOf(drawn);
    }
}
