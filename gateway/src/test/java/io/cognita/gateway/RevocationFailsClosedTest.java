package io.cognita.gateway;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Until the gateway has identity's durable list, it refuses tokens (503) rather than trust a Redis miss and let a revoked one through. */
@QuarkusTest
@TestProfile(RevocationFailsClosedTest.NoDurableList.class)
class RevocationFailsClosedTest {

    /** identity unreachable: the list cannot be had; Redis answers, but a miss there may be a flushed Redis. */
    public static class NoDurableList implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cognita.gateway.revocation.topic", "cognita.gateway-test-" + UUID.randomUUID(),
                    "cognita.gateway.revocation.source", "http://127.0.0.1:9/api/internal/revoked-sessions");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UpstreamsResource.class));
        }
    }

    @Test
    void tokensAreRefusedNotLetThrough() {
        given().auth().oauth2(TestTokens.systemAdmin()).when().get("/api/orgs/x").then().statusCode(503)
                .body("code", equalTo("REVOCATION_CHECK_UNAVAILABLE"));
        given().when().get("/q/health/ready").then().statusCode(503);
    }
}
