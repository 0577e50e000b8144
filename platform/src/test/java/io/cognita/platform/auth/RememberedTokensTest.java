package io.cognita.platform.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RememberedTokensTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000L);
    private final CountingVerifier verifier = new CountingVerifier();
    private final Ticker ticker = () -> TimeUnit.SECONDS.toNanos(now.get());

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgain() throws ParseException {
        RememberedTokens tokens = new RememberedTokens(verifier, Duration.ofSeconds(60), 100, now::get, ticker);
        JsonWebToken first = tokens.parse("t1");
        assertSame(first, tokens.parse("t1"));
        assertEquals(List.of("t1"), verifier.calls);
        tokens.parse("t2");
        assertEquals(List.of("t1", "t2"), verifier.calls);
    }

    @Test
    void aRememberedTokenPastItsExpIsVerifiedAgainAndRefused() throws ParseException {
        RememberedTokens tokens = new RememberedTokens(verifier, Duration.ofSeconds(60), 100, now::get, ticker);
        verifier.exp = now.get() + 10;
        tokens.parse("t1");
        now.addAndGet(11);
        verifier.refuse = true;
        assertThrows(ParseException.class, () -> tokens.parse("t1"));
        assertEquals(2, verifier.calls.size());
    }

    @Test
    void aTokenIsRememberedNoLongerThanTheTtl() throws ParseException {
        RememberedTokens tokens = new RememberedTokens(verifier, Duration.ofSeconds(60), 100, now::get, ticker);
        tokens.parse("t1");
        now.addAndGet(59);
        tokens.parse("t1");
        assertEquals(1, verifier.calls.size());
        now.addAndGet(2);
        tokens.parse("t1");
        assertEquals(2, verifier.calls.size());
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        RememberedTokens tokens = new RememberedTokens(verifier, Duration.ofSeconds(60), 100, now::get, ticker);
        verifier.refuse = true;
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(2, verifier.calls.size());
    }

    @Test
    void aZeroTtlRemembersNothing() throws ParseException {
        RememberedTokens tokens = new RememberedTokens(verifier, Duration.ZERO, 100, now::get, ticker);
        tokens.parse("t1");
        tokens.parse("t1");
        assertEquals(2, verifier.calls.size());
    }

    @Test
    void eachClaimOfARememberedTokenIsReadFromThePrincipalOnce() throws ParseException {
        RememberedTokens tokens = new RememberedTokens(verifier, Duration.ofSeconds(60), 100, now::get, ticker);
        for (int request = 0; request < 3; request++) {
            JsonWebToken token = tokens.parse("t1");
            assertEquals("s-1", token.getClaim("sid"));
            assertNull(token.getClaim("scope"));
            assertEquals(now.get() + 900, token.getExpirationTime());
            token.getClaim("groups");
        }
        assertEquals(List.of("sid", "scope"), verifier.claimReads.stream().filter(c -> !c.equals("exp") && !c.equals("groups")).toList());
        // standard claims are the principal's answer each time (groups and aud come as a fresh mutable set)
        assertEquals(3, verifier.claimReads.stream().filter("groups"::equals).count());
    }

    /** smallrye-jwt's parser stand-in: counts what it is asked to verify, and which claims are read. */
    private final class CountingVerifier extends DefaultJWTParser {
        final List<String> calls = new ArrayList<>();
        final List<String> claimReads = new ArrayList<>();
        long exp = now.get() + 900;
        boolean refuse;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.add(token);
            if (refuse) {
                throw new ParseException("refused");
            }
            long expiresAt = exp;
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claimName) {
                    claimReads.add(claimName);
                    return "exp".equals(claimName) ? (T) Long.valueOf(expiresAt) : "sid".equals(claimName) ? (T) "s-1" : null;
                }
            };
        }
    }
}
