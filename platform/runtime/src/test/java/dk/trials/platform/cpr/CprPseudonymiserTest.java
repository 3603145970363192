package dk.trials.platform.cpr;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CprPseudonymiserTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    @Test
    void theSameCitizenGetsTheSamePseudonymWithOrWithoutHyphen() {
        var pseudonymiser = new CprPseudonymiser(KEY);
        assertEquals(pseudonymiser.pseudonym(CprNumber.parse("0101991234").orElseThrow()),
                pseudonymiser.pseudonym(CprNumber.parse("010199-1234").orElseThrow()));
    }

    @Test
    void pseudonymIsAKeyedHmacNotTheNumber() {
        var cpr = CprNumber.parse("0101991234").orElseThrow();
        String pseudonym = new CprPseudonymiser(KEY).pseudonym(cpr);
        assertEquals(64, pseudonym.length());
        assertNotEquals(pseudonym, new CprPseudonymiser(OTHER_KEY).pseudonym(cpr));
        // HMAC-SHA256 of "0101991234" under 32 zero bytes, computed independently with openssl
        assertEquals(HMAC_OF_SAMPLE_UNDER_ZERO_KEY, pseudonym);
    }

    @Test
    void refusesAShortKey() {
        assertThrows(IllegalStateException.class,
                () -> new CprPseudonymiser(Base64.getEncoder().encodeToString(new byte[16])));
    }

    private static final String HMAC_OF_SAMPLE_UNDER_ZERO_KEY = "7a3fd80560c2ab9586c99d792a79b9c96ac09fce34268becd3feb8739f637a2a";
}
