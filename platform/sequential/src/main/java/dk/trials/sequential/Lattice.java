package dk.trials.sequential;

/**
 * A rank-1 lattice rule in Korobov form: the n-th of N points has coordinates frac(n·a^l / N), l = 0, 1, ….
 * Randomised by a shift and made symmetric by the tent transform in {@link ControlPathIntegration}, such rules
 * integrate smooth functions with errors falling nearly as 1/N² instead of Monte Carlo's 1/√N.
 */
record Lattice(int points, long generator) {

    Lattice {
        if (points < 2 || generator <= 0 || generator >= points) {
            throw new IllegalArgumentException("a lattice needs N >= 2 and a generator in (0, N)");
        }
    }

    /**
     * The rule used for the control's path over this many looks: the fewer the dimensions, the fewer points the
     * same accuracy needs (generators chosen by the P_2 figure of merit: exhaustively for 4,093 points in 2
     * dimensions and 8,191 in 3, among 3,000 candidates for 16,381 in 5).
     */
    static Lattice forDimensions(int dimensions) {
        if (dimensions <= 2) {
            return new Lattice(4093, 928);
        }
        if (dimensions == 3) {
            return new Lattice(8191, 1769);
        }
        return new Lattice(16381, 2382);
    }

    /** Coordinate l (0-based) of point n, in [0, 1). */
    double coordinate(int n, int l) {
        long z = 1;
        for (int i = 0; i < l; i++) {
            z = z * generator % points;
        }
        return (double) ((long) n * z % points) / points;
    }
}
