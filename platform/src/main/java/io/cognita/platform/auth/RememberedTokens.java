package io.cognita.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The access-token parser of every service: smallrye-jwt's, remembering each token it verified (keyed by the
 * whole token) for at most {@code cognita.verified-token-ttl} and never past its exp, so a client's next
 * requests with the same token skip the parse and the RSA verification, as they do at the gateway. Only
 * {@link #parse(String)} (the configured issuer, audience and keys) is remembered; the other methods verify
 * every time. What a remembered token costs: one signed with a key identity has since withdrawn from its JWKS
 * is accepted up to the ttl longer. Revocation does not depend on it (checked per request, {@link Caller}). The claims
 * of a remembered token outside MP-JWT's set are read from it once ({@link ClaimsReadOnce}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberedTokens implements JWTParser {

    private final JWTParser verifier;
    private final LongSupplier epochSeconds;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public RememberedTokens(DefaultJWTParser verifier,
                            @ConfigProperty(name = "cognita.verified-token-ttl", defaultValue = "60s") Duration ttl,
                            @ConfigProperty(name = "cognita.verified-token-cache-size", defaultValue = "20000") long size) {
        this(verifier, ttl, size, () -> System.currentTimeMillis() / 1000, Ticker.systemTicker());
    }

    RememberedTokens(JWTParser verifier, Duration ttl, long size, LongSupplier epochSeconds, Ticker ticker) {
        this.verifier = verifier;
        this.epochSeconds = epochSeconds;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry(ttl, epochSeconds))
                .ticker(ticker).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > epochSeconds.getAsLong()) {
            return known;
        }
        JsonWebToken fresh = new ClaimsReadOnce(verifier.parse(token));
        verified.put(token, fresh);
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** An entry lives for the ttl, or until the token's exp when that comes first. */
    private record UntilExpiry(Duration ttl, LongSupplier epochSeconds) implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            long untilExp = Duration.ofSeconds(token.getExpirationTime() - epochSeconds.getAsLong()).toNanos();
            return Math.max(0, Math.min(ttl.toNanos(), untilExp));
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
