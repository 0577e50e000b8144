package io.cognita.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class ProvisioningTokenTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    JWTParser parser;

    @Test
    void aSystemAdminIssuesListsAndRevokes() throws Exception {
        String admin = Clients.login(IdentityTestResource.ADMIN_EMAIL, IdentityTestResource.ADMIN_PASSWORD).getString("data.accessToken");
        var issued = given().auth().oauth2(admin).contentType("application/json").body("{\"name\":\"district onboarding\",\"validDays\":30}")
                .when().post("/api/auth/tokens/provisioning")
                .then().statusCode(201).body("data.scope", equalTo("org:provision")).body("data.token", notNullValue())
                .extract().jsonPath();
        String id = issued.getString("data.id");
        JsonWebToken token = parser.parse(issued.getString("data.token"));
        assertEquals("org:provision", token.getClaim("scope").toString());
        assertEquals(id, token.getClaim("sid").toString());
        assertTrue(token.getGroups().isEmpty());
        assertEquals(30L * 24 * 3600, token.getExpirationTime() - token.getIssuedAtTime());

        given().auth().oauth2(admin).when().get("/api/auth/tokens/provisioning").then().statusCode(200)
                .body("data.id", hasItem(id))
                .body("data.find { it.id == '" + id + "' }.token", nullValue());

        try (EventTap tap = new EventTap("cognita.identity")) {
            given().auth().oauth2(admin).when().delete("/api/auth/tokens/provisioning/" + id).then().statusCode(200);
            JsonNode event = tap.await(e -> "session.revoked".equals(e.path("type").asText())
                    && id.equals(e.at("/data/sessionId").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals("provisioning-token-revoked", event.at("/data/reason").asText());
        }
        given().auth().oauth2(admin).when().get("/api/auth/tokens/provisioning").then()
                .body("data.find { it.id == '" + id + "' }.revokedAt", notNullValue());
        // the durable list the gateway rebuilds from: the revoked token, in force until the token's own expiry
        given().when().get("/api/internal/revoked-sessions").then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("INTERNAL_CALLERS_ONLY"));
        given().header("X-Cognita-Internal-Token", "dev-only-internal-token").when().get("/api/internal/revoked-sessions").then().statusCode(200)
                .body("find { it.sessionId == '" + id + "' }.validUntil", notNullValue());
        given().when().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/internal/revoked-sessions")));
        given().auth().oauth2(admin).when().delete("/api/auth/tokens/provisioning/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("PROVISIONING_TOKEN_NOT_FOUND"));
        given().auth().oauth2(admin).when().delete("/api/auth/tokens/provisioning/x").then().statusCode(400);
        given().auth().oauth2(admin).contentType("application/json").body("{\"name\":\"\",\"validDays\":0}")
                .when().post("/api/auth/tokens/provisioning").then().statusCode(400);
    }

    @Test
    void othersMayNot() {
        String user = Clients.verifiedUser(mailbox, Clients.newEmail()).getString("data.accessToken");
        given().auth().oauth2(user).contentType("application/json").body("{\"name\":\"x\"}")
                .when().post("/api/auth/tokens/provisioning").then().statusCode(403);
        given().auth().oauth2(user).when().get("/api/auth/tokens/provisioning").then().statusCode(403);
        given().auth().oauth2(user).when().delete("/api/auth/tokens/provisioning/" + UUID.randomUUID()).then().statusCode(403);
        given().contentType("application/json").body("{\"name\":\"x\"}")
                .when().post("/api/auth/tokens/provisioning").then().statusCode(401);
    }
}
