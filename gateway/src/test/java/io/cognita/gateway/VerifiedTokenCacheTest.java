package io.cognita.gateway;

import io.cognita.gateway.edge.TokenVerifier;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge remembers verified tokens, never a bad one and never past the token's exp. */
@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class VerifiedTokenCacheTest {

    @Inject
    TokenVerifier verifier;

    @Test
    void aVerifiedTokenIsRememberedUntilItsExp() {
        String token = TestTokens.sign(TestTokens.base(TestTokens.newUserId()).expiresIn(3).claim("scope", TestTokens.USER_SCOPES));
        assertTrue(verifier.remembered("Bearer " + token).isEmpty());
        given().auth().oauth2(token).when().get("/api/orgs/x").then().statusCode(200);
        assertTrue(verifier.remembered("Bearer " + token).isPresent());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> verifier.remembered("Bearer " + token).isEmpty());
        // past its exp the token is verified again (and refused once past the verifier's clock-skew allowance)
    }

    @Test
    void whatTheEdgeReadsOnEveryRequestIsTakenFromTheTokenOnce() {
        String user = TestTokens.newUserId();
        String session = java.util.UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.base(user).claim("sid", session).claim("scope", TestTokens.USER_SCOPES));
        given().auth().oauth2(token).when().get("/api/orgs/x").then().statusCode(200);
        TokenVerifier.VerifiedToken remembered = verifier.remembered("Bearer " + token).orElseThrow();
        assertEquals(user, remembered.subject());
        assertEquals(session, remembered.sessionId());
    }

    @Test
    void aTokenThatFailsVerificationIsNotRemembered() {
        String token = TestTokens.user(TestTokens.newUserId());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).when().get("/api/orgs/x").then().statusCode(401);
        assertTrue(verifier.remembered("Bearer " + forged).isEmpty());
        given().auth().oauth2(forged).when().get("/api/orgs/x").then().statusCode(401);
    }
}
