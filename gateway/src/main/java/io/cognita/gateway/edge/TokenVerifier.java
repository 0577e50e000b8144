package io.cognita.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Verifies access tokens at the edge: RS256 signature against identity's JWKS (cached, and fetched
 * again when a token names an unknown kid), exp, iss and aud.
 */
@ApplicationScoped
public class TokenVerifier {

    private final JWTParser parser;

    public TokenVerifier(JWTParser parser) {
        this.parser = parser;
    }

    /** The verified token, or empty when it is missing, malformed, forged, expired or not for us. */
    public Optional<JsonWebToken> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(authorization.substring(7).trim()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
