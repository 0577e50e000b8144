package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.platform.auth.OpaqueTokens;
import io.cognita.identity.domain.ProvisioningToken;
import io.cognita.identity.domain.User;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/** Issues RS256 access tokens (with {@code kid}) and opaque refresh tokens. */
@ApplicationScoped
public class TokenIssuer {

    /** Every user scope: a normal login token carries them all; org and workspace roles are decided by services. */
    public static final String USER_SCOPES = "org:read org:write billing:read billing:write workspace:read "
            + "workspace:write meeting:read meeting:write transcript:read transcript:write";

    private final SigningKeys keys;
    private final IdentityConfig config;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, IdentityConfig config, Clock clock,
                       @ConfigProperty(name = "cognita.jwt.issuer") String issuer,
                       @ConfigProperty(name = "cognita.jwt.audience") String audience) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String accessToken(User user, UUID sessionId) {
        long now = clock.instant().getEpochSecond();
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(user.id)
                .upn(user.email)
                .claim("email", user.email)
                .claim("sid", sessionId.toString())
                .claim("jti", UUID.randomUUID().toString())
                .claim("scope", USER_SCOPES)
                .groups(user.systemAdmin ? Set.of("system:admin") : Set.of("user"))
                .issuedAt(now)
                .expiresAt(now + config.accessTokenTtl().toSeconds())
                .jws().keyId(keys.kid())
                .sign(keys.signingKey());
    }

    /** A long-lived token that carries only the org:provision scope; its sid is the token's id. */
    public String provisioningToken(ProvisioningToken token) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("prov-" + token.id)
                .claim("sid", token.id.toString())
                .claim("jti", token.id.toString())
                .claim("scope", token.scope)
                .claim("name", token.name)
                .groups(Set.of())
                .issuedAt(token.createdAt.getEpochSecond())
                .expiresAt(token.expiresAt.getEpochSecond())
                .jws().keyId(keys.kid())
                .sign(keys.signingKey());
    }

    public long accessTokenTtlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }

    /** A new opaque refresh token (and the random part of other mailed or cookie secrets). */
    public String refreshToken() {
        return OpaqueTokens.newToken();
    }

    public static String hashOf(String opaqueToken) {
        return OpaqueTokens.hashOf(opaqueToken);
    }
}
