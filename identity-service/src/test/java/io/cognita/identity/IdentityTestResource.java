package io.cognita.identity;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * identity-service under test signs with the test key pair of {@link TestTokens} (written to a temporary
 * PEM file), and bootstraps a known admin.
 */
public class IdentityTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_EMAIL = "Root@Cognita.Test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    @Override
    public Map<String, String> start() {
        try {
            Path pem = Files.createTempFile("cognita-test-signing", ".pem");
            pem.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestTokens.keys().getPrivate().getEncoded());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
            return Map.of("cognita.identity.signing.key-location", pem.toString(),
                    "cognita.identity.admin-email", ADMIN_EMAIL,
                    "cognita.identity.admin-password", ADMIN_PASSWORD,
                    "mp.jwt.verify.publickey.location", TestTokens.jwksFile().toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
