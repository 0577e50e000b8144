package io.cognita.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "cognita.identity")
public interface IdentityConfig {

    Signing signing();

    /** Lifetime of access tokens. */
    @WithDefault("15M")
    Duration accessTokenTtl();

    /** bcrypt work factor for password hashes. */
    @WithDefault("12")
    int bcryptCost();

    /** The bootstrap system administrator, created at start-up when both are set. */
    Optional<String> adminEmail();

    Optional<String> adminPassword();

    interface Signing {
        /** PEM (PKCS#8) RSA private key that signs access tokens. */
        String keyLocation();

        /** PEM public keys of previous signing keys, still published in the JWKS during a rotation. */
        Optional<List<String>> previousPublicKeyLocations();
    }
}
