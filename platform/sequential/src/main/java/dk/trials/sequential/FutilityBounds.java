package dk.trials.sequential;

/**
 * Non-binding futility bounds of a two-sided design: at look k (1 … K − 1) the comparison is futile when
 * |Z_k| &lt; {@code bound(k)}; NaN where the look has none. {@code shift} is the drift of the alternative the beta
 * spending refers to (Z's mean at full information), {@code betaSpent} and {@code power} the cumulative futility
 * and (upper) rejection probabilities under it, look by look, as rpact reports them.
 */
public record FutilityBounds(double[] bounds, double shift, double[] betaSpent, double[] power) {

    public FutilityBounds {
        bounds = bounds.clone();
        betaSpent = betaSpent.clone();
        power = power.clone();
    }

    /** The bound at look k (0-based), NaN if none; the last look has none. */
    public double bound(int look) {
        return look < bounds.length ? bounds[look] : Double.NaN;
    }

    /** Whether |z| at look k (0-based) lies in the futility region. */
    public boolean futile(int look, double z) {
        double u = bound(look);
        return !Double.isNaN(u) && Math.abs(z) < u;
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }

    @Override
    public double[] betaSpent() {
        return betaSpent.clone();
    }

    @Override
    public double[] power() {
        return power.clone();
    }
}
