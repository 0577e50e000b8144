package io.cognita.platform.messaging;

import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.PrivateDatabaseProfile;
import io.cognita.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database goes away for ten seconds while events arrive: none is lost, none is dead-lettered. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Profile.class)
class DatabaseOutageTest {

    /** A private database, and a handler that can kill its own consumer thread. */
    public static class Profile extends PrivateDatabaseProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("platform-test.thread-killer", "true");
            return config;
        }
    }

    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Inject
    OrgStatusView view;

    @Inject
    EventSubscriptions subscriptions;

    @Test
    void eventsArrivingDuringAnOutageAreAppliedAfterItAndNoneIsDeadLettered() throws Exception {
        String before = UUID.randomUUID().toString();
        TestEvents.publish("cognita.org", before, "org.suspended", before, "{\"reason\":\"before\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> view.status(UUID.fromString(before)) == OrgStatusView.Status.SUSPENDED);
        long deadLettered = subscriptions.deadLettered();

        List<String> during = new ArrayList<>();
        try (EventTap dlq = new EventTap("cognita.org.dlq")) {
            PrivateDatabaseProfile.database().down();
            Instant outageStart = Instant.now();
            for (int i = 0; i < 5; i++) {
                String orgId = UUID.randomUUID().toString();
                during.add(orgId);
                TestEvents.publish("cognita.org", orgId, "org.suspended", orgId, "{\"reason\":\"during\"}");
            }
            // the consumer meets the outage and says so: readiness DOWN once it lasts beyond the bound (3 s here)
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                    .statusCode(503).body("checks.find { it.name == 'event-consumers-progress' }.status", equalTo("DOWN")));
            // the outage lasts its full length whatever the checks above took
            Duration left = OUTAGE.minus(Duration.between(outageStart, Instant.now()));
            if (!left.isNegative()) {
                Thread.sleep(left.toMillis());
            }
            PrivateDatabaseProfile.database().up();

            await().atMost(Duration.ofSeconds(60)).until(() -> during.stream()
                    .allMatch(id -> view.status(UUID.fromString(id)) == OrgStatusView.Status.SUSPENDED));
            assertEquals(deadLettered, subscriptions.deadLettered(), "nothing dead-lettered");
            assertTrue(dlq.await(e -> during.contains(e.path("orgid").asText()), Duration.ofSeconds(2)).isEmpty());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'event-consumers-progress' }.status", equalTo("UP")));
        given().when().get("/q/health/live").then()
                .body("checks.find { it.name == 'event-consumers' }.data.'org-status'", equalTo("running"));
    }

    /** A restart of the database: 503 with Retry-After while it is down, and no failed request once it is back. */
    @Test
    void aDatabaseRestartFailsNoRequestOnceItIsBack() throws Exception {
        // fill the pool with connections that the restart will make stale
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> warm = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                warm.add(clients.submit(() -> given().when().get("/api/test/echo/db/count").statusCode()));
            }
            for (Future<Integer> status : warm) {
                assertEquals(200, status.get());
            }
            PrivateDatabaseProfile.database().down();
            given().when().get("/api/test/echo/db/count").then().statusCode(503)
                    .header("Retry-After", notNullValue()).body("code", equalTo("DATABASE_UNAVAILABLE"));
            given().when().get("/q/health/ready").then().statusCode(503);
            PrivateDatabaseProfile.database().up();

            List<Future<Integer>> after = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                after.add(clients.submit(() -> given().when().get("/api/test/echo/db/count").statusCode()));
            }
            List<Integer> failed = new ArrayList<>();
            for (Future<Integer> status : after) {
                if (status.get() != 200) {
                    failed.add(status.get());
                }
            }
            assertEquals(List.of(), failed, "requests failed after the database was back");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aConsumerThreadThatDiesMakesLivenessDown() {
        given().when().get("/q/health/live").then()
                .body("checks.find { it.name == 'event-consumers' }.data.'thread-killer'", equalTo("running"));
        ThreadKillingHandler.armedFor = UUID.randomUUID().toString();
        TestEvents.publish("cognita.platform-test", UUID.randomUUID().toString(), ThreadKillingHandler.TYPE, null,
                "{\"run\":\"" + ThreadKillingHandler.armedFor + "\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'event-consumers' }.data.'thread-killer'", equalTo("dead")));
    }
}
