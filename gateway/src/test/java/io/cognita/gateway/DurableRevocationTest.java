package io.cognita.gateway;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A gateway started with no broker history (a fresh, empty revocation topic) still refuses a revoked
 * provisioning token: it rebuilds its list from identity's durable one.
 */
@QuarkusTest
@TestProfile(DurableRevocationTest.EmptyHistory.class)
class DurableRevocationTest {

    static final String REVOKED_SID = UUID.randomUUID().toString();

    /** identity's internal list, served by a real HTTP server: one revoked provisioning token, valid for a year. */
    public static class IdentityListResource implements QuarkusTestResourceLifecycleManager {
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            String list = "[{\"sessionId\":\"" + REVOKED_SID + "\",\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(365)) + "\"}]";
            try {
                int port = vertx.createHttpServer().requestHandler(r -> r.response().putHeader("Content-Type", "application/json").end(list))
                        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
                return Map.of("cognita.gateway.revocation.source", "http://127.0.0.1:" + port + "/api/internal/revoked-sessions");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            vertx.close();
        }
    }

    /** A fresh topic: the broker has no session.revoked record for this gateway to read. */
    public static class EmptyHistory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cognita.gateway.revocation.topic", "cognita.gateway-test-" + UUID.randomUUID());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UpstreamsResource.class), new TestResourceEntry(IdentityListResource.class));
        }
    }

    @Test
    void aRevokedProvisioningTokenIsStillRefused() {
        String revoked = TestTokens.sign(TestTokens.base("prov-" + REVOKED_SID).claim("sid", REVOKED_SID)
                .claim("scope", "org:provision"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().auth().oauth2(revoked).when().get("/api/orgs/x").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(TestTokens.systemAdmin()).when().get("/api/orgs/x").then().statusCode(200);
    }
}
