package io.cognita.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the service under test at the JWKS of {@link TestTokens}. */
public class TestJwksResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TestTokens.jwksFile().toUri().toString());
    }

    @Override
    public void stop() {
    }
}
