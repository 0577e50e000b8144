package io.cognita.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** During a rotation the JWKS publishes the current key and the previous one; tokens name the current kid. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
@TestProfile(KeyRotationTest.WithPreviousKey.class)
class KeyRotationTest {

    public static class WithPreviousKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                Path pem = Files.createTempFile("cognita-previous-key", ".pem");
                pem.toFile().deleteOnExit();
                Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
                return Map.of("cognita.identity.signing.previous-public-key-locations", pem.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theJwksCarriesBothKeysAndTokensUseTheCurrentOne() throws Exception {
        var keys = given().when().get("/api/auth/.well-known/jwks.json").then().statusCode(200)
                .body("keys", hasSize(2)).extract().jsonPath();
        String current = keys.getString("keys[0].kid");
        assertNotEquals(current, keys.getString("keys[1].kid"));
        String token = Clients.login(IdentityTestResource.ADMIN_EMAIL, IdentityTestResource.ADMIN_PASSWORD).getString("data.accessToken");
        JsonNode header = Clients.JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertEquals(current, header.get("kid").asText());
    }
}
