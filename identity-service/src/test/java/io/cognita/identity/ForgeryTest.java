package io.cognita.identity;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Forged and invalid access tokens against identity-service directly: each is 401. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class ForgeryTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void everyForgeryIsUnauthorized() throws Exception {
        var login = Clients.verifiedUser(mailbox, Clients.newEmail());
        String valid = login.getString("data.accessToken");
        String userId = login.getString("data.user.userId");
        given().auth().oauth2(valid).when().get("/api/auth/profile").then().statusCode(200);

        String[] parts = valid.split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertUnauthorized(none + "." + parts[1] + ".");
        String hs256 = Jwt.claims().issuer(TestTokens.ISSUER).audience(Set.of(TestTokens.AUDIENCE)).subject(userId)
                .jws().keyId(TestTokens.KID).signWithSecret(Base64.getEncoder().encodeToString(TestTokens.keys().getPublic().getEncoded()));
        assertUnauthorized(hs256);
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        assertUnauthorized(TestTokens.base(userId).jws().keyId("unknown-kid").sign(other.generateKeyPair().getPrivate()));
        assertUnauthorized(TestTokens.sign(TestTokens.base(userId).expiresAt(Instant.now().minusSeconds(120).getEpochSecond())));
        assertUnauthorized(TestTokens.sign(TestTokens.base(userId).claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())));
        assertUnauthorized(TestTokens.sign(TestTokens.base(userId).issuer("https://evil.example")));
        assertUnauthorized(TestTokens.sign(TestTokens.base(userId).audience("another-api")));
        String tampered = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"system:admin\""));
        assertUnauthorized(parts[0] + "." + tampered + "." + parts[2]);

        given().auth().oauth2(valid).contentType("application/json").body("{}").when().post("/api/auth/logout").then().statusCode(200);
        assertUnauthorized(valid);
    }

    private static void assertUnauthorized(String token) {
        given().auth().oauth2(token).when().get("/api/auth/profile").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
