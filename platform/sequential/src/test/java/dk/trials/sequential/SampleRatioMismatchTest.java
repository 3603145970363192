package dk.trials.sequential;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleRatioMismatchTest {

    @Test
    void countsInTheDesignedRatioPass() {
        SampleRatioMismatch check = SampleRatioMismatch.of(new long[]{200, 100}, new int[]{2, 1});
        assertEquals(0.0, check.chiSquare(), 1e-12);
        assertEquals(1.0, check.pValue(), 1e-12);
        assertFalse(check.flagged());
    }

    @Test
    void thePValueIsPearsonsChiSquareOnKMinusOneDegreesOfFreedom() {
        // 1:1 expected 500/500; observed 531/469: X² = 2·31²/500 = 3.844, just beyond the 5 % critical value 3.841.
        SampleRatioMismatch check = SampleRatioMismatch.of(new long[]{531, 469}, new int[]{1, 1});
        assertEquals(3.844, check.chiSquare(), 1e-9);
        assertEquals(1, check.degreesOfFreedom());
        assertEquals(0.04992, check.pValue(), 1e-4);
        assertFalse(check.flagged(), "p = 0.05 is far from the 0.001 threshold");
    }

    @Test
    void aRealMismatchIsFlagged() {
        SampleRatioMismatch check = SampleRatioMismatch.of(new long[]{600, 400}, new int[]{1, 1});
        assertEquals(40.0, check.chiSquare(), 1e-9);
        assertTrue(check.pValue() < 1e-9);
        assertTrue(check.flagged());
        assertNull(check.concealed().pValue());
        assertTrue(check.concealed().flagged());
    }

    @Test
    void tooFewParticipantsAreNotTested() {
        SampleRatioMismatch check = SampleRatioMismatch.of(new long[]{7, 0}, new int[]{1, 1});
        assertFalse(check.testable());
        assertFalse(check.flagged());
    }
}
