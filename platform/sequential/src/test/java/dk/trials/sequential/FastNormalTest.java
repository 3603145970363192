package dk.trials.sequential;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast normal functions the Dunnett integration runs on agree with the erfc-based ones to the stated digits. */
class FastNormalTest {

    @Test
    void hart_cdf_is_within_5e16_of_erfc_everywhere() {
        for (double x = -12; x <= 12; x += 0.001) {
            assertEquals(Normal.cdf(x), FastNormal.cdf(x), 5e-16, "x = " + x);
        }
    }

    @Test
    void the_tabulated_cdf_is_within_1e11_and_the_tabulated_density_within_2e11() {
        for (double x = -11; x <= 11; x += 0.0007) {
            assertEquals(Normal.cdf(x), FastNormal.cdfTabulated(x), 1e-11, "cdf at " + x);
            assertEquals(Normal.density(x), FastNormal.densityTabulated(x), 2e-11, "density at " + x);
        }
    }

    @Test
    void the_quantile_inverts_the_cdf_to_1e8_relative_down_to_1e15() {
        for (double tail = 1e-15; tail <= 0.5; tail *= 1.7) {
            double lower = FastNormal.quantile(tail);
            assertEquals(tail, Normal.cdf(lower), 1e-8 * tail, "lower tail " + tail);
            if (tail >= 1e-6) {
                // below that, 1 − tail itself has lost the tail's digits
                assertEquals(-lower, FastNormal.quantile(1 - tail), 1e-9, "symmetry at " + tail);
            }
        }
    }
}
