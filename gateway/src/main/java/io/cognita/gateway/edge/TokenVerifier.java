package io.cognita.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Optional;

/**
 * Verifies access tokens at the edge: RS256 signature against identity's JWKS (cached, and fetched
 * again when a token names an unknown kid), exp, iss and aud. A token verified once is remembered for at
 * most {@code cognita.gateway.verified-token-ttl} and never past its exp, so the next requests with it
 * skip the parse and the hop to a worker thread (revocation is still checked on every request). The claims the edge
 * needs are read once, at verification: smallrye-jwt's {@code getClaim} throws and catches an exception for every
 * claim name outside the MP-JWT standard set ({@code sid} is one), which was 8 % of the gateway's CPU per request.
 */
@ApplicationScoped
public class TokenVerifier {

    private final JWTParser parser;
    private final Cache<String, VerifiedToken> verified;

    public TokenVerifier(JWTParser parser,
                         @ConfigProperty(name = "cognita.gateway.verified-token-ttl", defaultValue = "60s") Duration ttl,
                         @ConfigProperty(name = "cognita.gateway.verified-token-cache-size", defaultValue = "20000") long size) {
        this.parser = parser;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry(ttl)).build();
    }

    /** A verified access token and the claims the edge reads on every request with it. */
    public record VerifiedToken(String subject, String sessionId, long expiresAt) {
        static VerifiedToken of(JsonWebToken token) {
            Object sid = token.getClaim("sid");
            return new VerifiedToken(token.getSubject(), sid == null ? null : sid.toString(), token.getExpirationTime());
        }
    }

    /** The token verified earlier and still valid, without blocking; empty when it must be verified. */
    public Optional<VerifiedToken> remembered(String authorization) {
        String raw = raw(authorization);
        if (raw == null) {
            return Optional.empty();
        }
        VerifiedToken token = verified.getIfPresent(raw);
        return token != null && token.expiresAt() > System.currentTimeMillis() / 1000
                ? Optional.of(token) : Optional.empty();
    }

    /** The verified token, or empty when it is missing, malformed, forged, expired or not for us. Blocks. */
    public Optional<VerifiedToken> verify(String authorization) {
        String raw = raw(authorization);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            VerifiedToken token = VerifiedToken.of(parser.parse(raw));
            verified.put(raw, token);
            return Optional.of(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String raw(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    /** An entry lives for the ttl, or until the token's exp when that comes first. */
    private record UntilExpiry(Duration ttl) implements Expiry<String, VerifiedToken> {
        @Override
        public long expireAfterCreate(String key, VerifiedToken token, long currentTime) {
            long untilExp = Duration.ofSeconds(token.expiresAt()).toNanos() - System.currentTimeMillis() * 1_000_000L;
            return Math.max(0, Math.min(ttl.toNanos(), untilExp));
        }

        @Override
        public long expireAfterUpdate(String key, VerifiedToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, VerifiedToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
