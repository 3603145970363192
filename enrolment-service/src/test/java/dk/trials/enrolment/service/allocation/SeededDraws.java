package dk.trials.enrolment.service.allocation;

import java.util.Random;

/** Reproducible draws for tests of the allocation functions: a failing seed can be re-run. */
final class SeededDraws implements Draws {

    private final Random random;

    SeededDraws(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public int below(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public double uniform() {
        return random.nextDouble();
    }
}
