package io.cognita.org;

import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A poison event goes to <topic>.dlq, is counted in health, and the consumer goes on with the next event. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class PoisonEventTest {

    @Test
    void anUnreadableEventIsDeadLetteredAndDoesNotBlockThePartition() {
        String orgId = OrgFixtures.createOrg();
        String marker = "poison-" + UUID.randomUUID();
        try (EventTap dlq = new EventTap("cognita.transcription.dlq")) {
            // same key as the good event after it, so both land in one partition
            TestEvents.publishRaw("cognita.transcription", orgId, "{\"not\":\"a cloud event\",\"marker\":\"" + marker + "\"}");
            TestEvents.publish("cognita.transcription", orgId, "usage.recorded", orgId,
                    "{\"meter\":\"transcription-minutes\",\"quantity\":7,\"recordedAt\":\"2025-10-05T10:00:00Z\"}");
            assertTrue(dlq.await(e -> marker.equals(e.path("marker").asText()), Duration.ofSeconds(20)).isPresent());
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(OrgFixtures.ADMIN).when().get("/api/orgs/" + orgId + "/billing").then()
                        .body("data.usage.transcriptionMinutes", org.hamcrest.Matchers.is(7)));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'event-consumers' }.data.deadLettered", greaterThan(0));
    }
}
