package io.cognita.platform.auth;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A verified token whose claims are each taken from smallrye-jwt's principal once and then kept. The principal's
 * {@code getClaim} throws and catches an IllegalArgumentException for every claim name outside the MP-JWT standard
 * set ({@code sid}, {@code scope}, {@code name}: ours), and {@link Caller} reads two of them per request: 4 % of
 * org-service's CPU per GET. A remembered token ({@link RememberedTokens}) serves many requests, so those claims are
 * read once and kept; the standard ones, and everything else, are the principal's own answer each time.
 */
final class ClaimsReadOnce implements JsonWebToken {

    private static final Set<String> STANDARD = Arrays.stream(Claims.values()).map(Claims::name).collect(Collectors.toUnmodifiableSet());

    private final JsonWebToken token;
    private final ConcurrentMap<String, Optional<Object>> claims = new ConcurrentHashMap<>();

    ClaimsReadOnce(JsonWebToken token) {
        this.token = token;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (STANDARD.contains(name)) {
            // answered without the exception, and some (groups, aud) as a fresh mutable set each time: not kept
            return token.getClaim(name);
        }
        return (T) claims.computeIfAbsent(name, n -> Optional.ofNullable(token.getClaim(n))).orElse(null);
    }

    @Override
    public boolean containsClaim(String name) {
        return getClaim(name) != null;
    }

    @Override
    public String getName() {
        return token.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public String getRawToken() {
        return token.getRawToken();
    }

    @Override
    public String getIssuer() {
        return token.getIssuer();
    }

    @Override
    public Set<String> getAudience() {
        return token.getAudience();
    }

    @Override
    public String getSubject() {
        return token.getSubject();
    }

    @Override
    public String getTokenID() {
        return token.getTokenID();
    }

    @Override
    public long getExpirationTime() {
        return token.getExpirationTime();
    }

    @Override
    public long getIssuedAtTime() {
        return token.getIssuedAtTime();
    }

    @Override
    public Set<String> getGroups() {
        return token.getGroups();
    }

    @Override
    public String toString() {
        return token.toString();
    }
}
