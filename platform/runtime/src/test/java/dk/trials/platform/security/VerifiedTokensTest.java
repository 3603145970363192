package dk.trials.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A bearer token is verified once and then taken again, but never past its expiry, its age limit or the TTL. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    private static final Optional<Long> EIGHT_HOURS = Optional.of(Duration.ofHours(8).toSeconds());

    private final MovableClock clock = new MovableClock(NOW);
    private final CountingParser parser = new CountingParser();

    @Test
    void aTokenVerifiedOnceIsTakenAgainWithoutAnotherSignatureCheckUntilTheTtl() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(parser, clock, 100, Duration.ofMinutes(5), EIGHT_HOURS);
        parser.answer = token(NOW.minusSeconds(60), NOW.plus(Duration.ofHours(1)));

        JsonWebToken first = tokens.parse("a");
        clock.move(Duration.ofMinutes(4));
        assertSame(first, tokens.parse("a"));
        assertEquals(1, parser.calls.get());

        clock.move(Duration.ofMinutes(1));
        tokens.parse("a");
        assertEquals(2, parser.calls.get(), "verified again once the TTL has passed");
    }

    @Test
    void aTokenIsNeverTakenPastItsExpiryNorPastItsAgeLimit() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(parser, clock, 100, Duration.ofHours(1), EIGHT_HOURS);
        parser.answer = token(NOW.minusSeconds(600), NOW.plusSeconds(30));
        tokens.parse("expiring");
        clock.move(Duration.ofSeconds(30));
        parser.answer = null;
        assertThrows(ParseException.class, () -> tokens.parse("expiring"), "its expiry: the parser decides again");

        clock.set(NOW);
        parser.answer = token(NOW.minus(Duration.ofHours(8)).plusSeconds(10), NOW.plus(Duration.ofHours(24)));
        tokens.parse("old");
        clock.move(Duration.ofSeconds(10));
        parser.answer = null;
        assertThrows(ParseException.class, () -> tokens.parse("old"), "8 hours after it was issued");
    }

    @Test
    void aRefusedTokenIsNotKeptSoEachRequestIsCheckedAndRefusedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(parser, clock, 100, Duration.ofMinutes(5), EIGHT_HOURS);
        parser.answer = null;

        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(2, parser.calls.get());
    }

    @Test
    void aFullCacheMakesRoomAndASizeOfZeroVerifiesEveryTime() throws Exception {
        parser.answer = token(NOW, NOW.plus(Duration.ofHours(1)));
        VerifiedTokens two = new VerifiedTokens(parser, clock, 2, Duration.ofMinutes(5), EIGHT_HOURS);
        for (String token : new String[]{"a", "b", "c", "a", "b", "c"}) {
            two.parse(token);
        }
        assertEquals(6, parser.calls.get(), "each token pushed out the others: all verified again");

        parser.calls.set(0);
        VerifiedTokens none = new VerifiedTokens(parser, clock, 0, Duration.ofMinutes(5), EIGHT_HOURS);
        none.parse("a");
        none.parse("a");
        assertEquals(2, parser.calls.get());
    }

    private static JsonWebToken token(Instant issuedAt, Instant expires) {
        Map<String, Object> claims = Map.of(Claims.iat.name(), issuedAt.getEpochSecond(), Claims.exp.name(),
                expires.getEpochSecond(), Claims.sub.name(), "case-system");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "case-system";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    /** The real parser's type, answering what the test sets (null: refused) and counting its calls. */
    private static final class CountingParser extends DefaultJWTParser {
        private final AtomicInteger calls = new AtomicInteger();
        private JsonWebToken answer;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            if (answer == null) {
                throw new ParseException("refused");
            }
            return answer;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        private MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
