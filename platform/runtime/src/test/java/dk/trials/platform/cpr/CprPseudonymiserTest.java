package dk.trials.platform.cpr;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CprPseudonymiserTest {

    /** The test vector the README gives register-feed producers: base key 32 zero bytes, trial key v1 this text. */
    static final byte[] BASE_KEY = new byte[32];
    static final byte[] V1_KEY = "another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
    static final byte[] V2_KEY = "a third key, also 32 bytes long.".getBytes(StandardCharsets.US_ASCII);
    static final UUID TRIAL = UUID.fromString("3f2b6c1e-7d4a-4c8e-9b1f-2a6d5e8c0b47");
    static final UUID OTHER_TRIAL = UUID.fromString("9d1e4a2b-3c5f-4e6a-8b7c-0d1e2f3a4b5c");
    static final CprNumber CPR = CprNumber.parse("0101991234").orElseThrow();

    // Computed independently with openssl (README, "Pseudonyms and keys"):
    //   printf 0101991234 | openssl dgst -sha256 -mac HMAC -macopt hexkey:<64 zeros>
    static final String CITIZEN_VECTOR = "7a3fd80560c2ab9586c99d792a79b9c96ac09fce34268becd3feb8739f637a2a";
    //   printf '%s%s' 3f2b6c1e-7d4a-4c8e-9b1f-2a6d5e8c0b47 <citizen> | openssl dgst -sha256 -mac HMAC -macopt hexkey:<hex of V1_KEY>
    static final String PARTICIPANT_VECTOR = "v1:d32e3c5f57ab8d2d642b746949b4732e3e98da086ee0d1c9b78babeb1fd753b1";
    static final String OTHER_TRIAL_VECTOR = "v1:3603bc7b13d6ad300c7faf8110cf797430d8229ca7d2d7468c8a10cf01ec311f";

    private final CprPseudonymiser pseudonymiser = new CprPseudonymiser(new CprKeys(BASE_KEY, Map.of("v1", V1_KEY), "v1"));

    @Test
    void theKnownAnswerVectorHoldsForTheCitizenAndThePerTrialPseudonym() {
        assertEquals(CITIZEN_VECTOR, pseudonymiser.citizen(CPR));
        assertEquals(PARTICIPANT_VECTOR, pseudonymiser.pseudonym(TRIAL, CPR));
        assertEquals(new TrialPseudonym(CITIZEN_VECTOR, PARTICIPANT_VECTOR), pseudonymiser.inTrial(TRIAL, CPR));
    }

    @Test
    void theSameCitizenInTwoTrialsGetsUnrelatedPseudonyms() {
        String first = pseudonymiser.pseudonym(TRIAL, CPR);
        String second = pseudonymiser.pseudonym(OTHER_TRIAL, CPR);
        assertEquals(OTHER_TRIAL_VECTOR, second);
        assertNotEquals(first, second);
        assertFalse(second.contains(CITIZEN_VECTOR) || first.contains(CITIZEN_VECTOR),
                "the per-trial pseudonym does not carry the citizen pseudonym that is the same in every trial");
    }

    @Test
    void theSameCitizenGetsTheSamePseudonymWithOrWithoutHyphen() {
        assertEquals(pseudonymiser.pseudonym(TRIAL, CPR),
                pseudonymiser.pseudonym(TRIAL, CprNumber.parse("010199-1234").orElseThrow()));
    }

    @Test
    void everyPerTrialPseudonymNamesItsKeyId() {
        String pseudonym = pseudonymiser.pseudonym(TRIAL, CPR);
        assertTrue(CprPseudonymiser.PARTICIPANT.matcher(pseudonym).matches());
        assertEquals("v1", CprPseudonymiser.keyIdOf(pseudonym).orElseThrow());
        assertTrue(CprPseudonymiser.keyIdOf(CITIZEN_VECTOR).isEmpty(), "a bare citizen pseudonym has no key id");
    }

    @Test
    void aRotationReKeysFromTheCitizenPseudonymAloneAndAllRingKeysAreCandidates() {
        var rotated = new CprPseudonymiser(new CprKeys(BASE_KEY, Map.of("v1", V1_KEY, "v2", V2_KEY), "v2"));
        String citizen = pseudonymiser.citizen(CPR);

        String rekeyed = rotated.pseudonym(TRIAL, citizen);

        assertEquals(rotated.pseudonym(TRIAL, CPR), rekeyed, "re-keying without the CPR number gives what the CPR number gives");
        assertTrue(rekeyed.startsWith("v2:"));
        assertEquals(PARTICIPANT_VECTOR, rotated.pseudonym("v1", TRIAL, citizen), "the old key still computes the old pseudonym");
        assertEquals(List.of(rekeyed, PARTICIPANT_VECTOR), rotated.candidates(TRIAL, CPR));
        assertTrue(rotated.rotating());
        assertFalse(pseudonymiser.rotating());
    }

    @Test
    void aBareCitizenPseudonymFromAnOlderProducerIsMadePerTrialAndAPerTrialOneIsKept() {
        assertEquals(PARTICIPANT_VECTOR, pseudonymiser.perTrial(TRIAL, CITIZEN_VECTOR));
        assertEquals(OTHER_TRIAL_VECTOR, pseudonymiser.perTrial(TRIAL, OTHER_TRIAL_VECTOR));
        assertEquals("feed-pseudonym-1", pseudonymiser.perTrial(TRIAL, "feed-pseudonym-1"));
    }

    @Test
    void anotherBaseKeyGivesAnotherCitizen() {
        byte[] otherBase = V2_KEY;
        assertNotEquals(CITIZEN_VECTOR,
                new CprPseudonymiser(new CprKeys(otherBase, Map.of("v1", V1_KEY), "v1")).citizen(CPR));
    }

    @Test
    void refusesAShortKeyACurrentKeyOutsideTheRingAndABadKeyId() {
        assertThrows(IllegalStateException.class, () -> new CprKeys(new byte[16], Map.of("v1", V1_KEY), "v1"));
        assertThrows(IllegalStateException.class, () -> new CprKeys(BASE_KEY, Map.of("v1", new byte[31]), "v1"));
        assertThrows(IllegalStateException.class, () -> new CprKeys(BASE_KEY, Map.of("v1", V1_KEY), "v2"));
        assertThrows(IllegalStateException.class, () -> new CprKeys(BASE_KEY, Map.of("V:1", V1_KEY), "V:1"));
    }

    @Test
    void productionReadsTheKeysFromMountedFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.key"), Base64.getEncoder().encodeToString(BASE_KEY) + "\n");
        Files.writeString(dir.resolve("v1.key"), Base64.getEncoder().encodeToString(V1_KEY));
        Files.writeString(dir.resolve("v2.key"), Base64.getEncoder().encodeToString(V2_KEY));

        var fromFiles = new CprPseudonymiser(config(Map.of("trials.cpr.key-dir", dir.toString(),
                "trials.cpr.current-key-id", "v2", "trials.cpr.key-ids", "v1,v2")));

        assertEquals(CITIZEN_VECTOR, fromFiles.citizen(CPR));
        assertEquals(PARTICIPANT_VECTOR, fromFiles.pseudonym("v1", TRIAL, CITIZEN_VECTOR));
        assertEquals("v2", fromFiles.currentKeyId());
    }

    @Test
    void devAndTestGiveTheKeysAsPropertiesAndAMissingKeyStopsTheStart(@TempDir Path empty) {
        Map<String, String> properties = new HashMap<>(Map.of("trials.cpr.key-dir", empty.toString(),
                "trials.cpr.current-key-id", "v1",
                "trials.cpr.keys.base", Base64.getEncoder().encodeToString(BASE_KEY),
                "trials.cpr.keys.v1", Base64.getEncoder().encodeToString(V1_KEY)));
        assertEquals(PARTICIPANT_VECTOR, new CprPseudonymiser(config(properties)).pseudonym(TRIAL, CPR));

        properties.remove("trials.cpr.keys.v1");
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new CprPseudonymiser(config(properties)));
        assertTrue(missing.getMessage().contains("trials.cpr.keys.v1") && missing.getMessage().contains("v1.key"),
                missing.getMessage());
    }

    static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }
}
