package io.cognita.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "cognita.identity")
public interface IdentityConfig {

    Signing signing();

    /** Lifetime of access tokens. */
    @WithDefault("15M")
    Duration accessTokenTtl();

    /** Argon2id parameters for new password hashes (OWASP's by default). */
    Argon2 argon2();

    /** The bootstrap system administrator, created at start-up when both are set. */
    Optional<String> adminEmail();

    Optional<String> adminPassword();

    /** Where the web client serves the pages that mails link to (verify e-mail, reset password). */
    @WithDefault("http://localhost:3000")
    String publicUrl();

    @WithDefault("24H")
    Duration verifyEmailTtl();

    @WithDefault("1H")
    Duration resetPasswordTtl();

    /** A session whose refresh token is not used for this long can no longer be refreshed. */
    @WithDefault("30D")
    Duration sessionIdleTimeout();

    @WithDefault("365D")
    Duration provisioningTokenTtl();

    Lockout lockout();

    /** OpenID providers users may sign in with, by name (e.g. cognita.identity.oidc.google.issuer). */
    @io.smallrye.config.WithName("oidc")
    Map<String, OidcProvider> oidcProviders();

    /** The web client's page an OIDC sign-in returns to with {@code ?code=}, which it exchanges for tokens. */
    @WithDefault("/signed-in")
    String oidcSignedInPath();

    /** How long a started OIDC sign-in may take. */
    @WithDefault("10M")
    Duration oidcStateTtl();

    interface OidcProvider {
        /** The issuer; its discovery document is at {@code <issuer>/.well-known/openid-configuration}. */
        String issuer();

        String clientId();

        Optional<String> clientSecret();

        /** This service's callback as registered with the provider, e.g. https://…/api/auth/callback. */
        String redirectUri();

        @WithDefault("openid email profile")
        String scopes();
    }

    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();

        /** Hashes computed at once (each holds memory-kib and a core); default twice the cores. */
        Optional<Integer> concurrency();

        /** native: libargon2 (Debian's libargon2-1); java: Bouncy Castle's, about five times slower. */
        @WithDefault("native")
        Engine engine();

        enum Engine { NATIVE, JAVA }
    }

    interface Lockout {
        /** Consecutive failed sign-ins for one account from one source address that hold that source back. */
        @WithDefault("10")
        int threshold();

        @WithDefault("15M")
        Duration duration();

        /** Sign-in attempts per account and client address per window (429 beyond). */
        @WithDefault("5")
        int attemptsPerWindow();

        @WithDefault("1M")
        Duration window();
    }

    interface Signing {
        /** PEM (PKCS#8) RSA private key that signs access tokens. */
        String keyLocation();

        /** PEM public keys of previous signing keys, still published in the JWKS during a rotation. */
        Optional<List<String>> previousPublicKeyLocations();
    }
}
