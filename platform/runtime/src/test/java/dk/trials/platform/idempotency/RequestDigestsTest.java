package dk.trials.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestDigestsTest {

    @Test
    void aDigestIsAnHmacUnderItsOwnKey() {
        byte[] request = "{\"cpr\":\"0101991234\"}".getBytes(StandardCharsets.US_ASCII);
        String digest = new RequestDigests(new byte[32]).digest(request);
        // printf '{"cpr":"0101991234"}' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<64 zeros>
        assertEquals(ZERO_KEY_DIGEST, digest);
        assertNotEquals(digest, new RequestDigests("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII))
                .digest(request));
    }

    private static final String ZERO_KEY_DIGEST = "c784ef0122331ef7e94b5a2c352f5cb64d4dab7be71edfd24423e510c58217d6";
}
