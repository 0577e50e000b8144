package io.cognita.platform.auth;

import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token of a session that identity announced as ended is refused by the service, not only at the gateway; here
 * answered from the replica's in-memory view ({@link RevokedSessionsFromTheTableTest}: from the table).
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class RevokedSessionsTest {

    static final Duration WITHIN = Duration.ofSeconds(15);

    @Inject
    RevokedSessionsView view;

    @Inject
    MeterRegistry registry;

    @Inject
    RevokedSessions sessions;

    @Test
    void eachCheckIsAnsweredWhereConfigured() {
        String token = token(TestTokens.newUserId(), UUID.randomUUID().toString(), false);
        // retried: on a loaded machine the view may be stale (then the database answers) at the moment of the request
        await().atMost(WITHIN).untilAsserted(() -> {
            double memory = checks("memory");
            double database = checks("database");
            given().auth().oauth2(token).when().get("/api/test/whoami").then().statusCode(200);
            assertEquals(memory + 1, checks("memory"));
            assertEquals(database, checks("database"));
            assertTrue(registry.get("cognita.revoked.sessions.view.age.seconds").gauge().value() < 5);
        });
    }

    @Test
    void aRevocationThatOnlyTheTableHasIsRefusedToo() {
        String userId = TestTokens.newUserId();
        String session = UUID.randomUUID().toString();
        String ended = token(userId, session, false);
        given().auth().oauth2(ended).when().get("/api/test/whoami").then().statusCode(200);
        // as the group consumer applies an event this replica's tail cannot see (a partition added since it started)
        QuarkusTransaction.requiringNew().run(() -> sessions.record(session, Instant.now().plusSeconds(900)));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ended).when().get("/api/test/whoami").then().statusCode(401));
    }

    @Test
    void theTableLendsTheViewTheRevocationsStillInForce() {
        String session = UUID.randomUUID().toString();
        Instant until = Instant.now().plusSeconds(900).truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> sessions.record(session, until));
        assertEquals(until, sessions.inForce().get(session));
        String expired = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> sessions.record(expired, Instant.now().minusSeconds(1)));
        assertFalse(sessions.inForce().containsKey(expired));
    }

    double checks(String source) {
        return registry.counter("cognita.revoked.sessions.checks", "source", source).count();
    }

    @Test
    void aRevokedSessionsTokensAreRefusedAndOtherSessionsKeepWorking() {
        String userId = TestTokens.newUserId();
        String session = UUID.randomUUID().toString();
        String ended = token(userId, session, false);
        String other = token(userId, UUID.randomUUID().toString(), false);
        given().auth().oauth2(ended).when().get("/api/test/whoami").then().statusCode(200).body("id", equalTo(userId));

        revoke(session, userId, Instant.now().plusSeconds(900));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ended).when().get("/api/test/whoami").then().statusCode(401)
                        .body("code", equalTo("SESSION_REVOKED")));
        given().auth().oauth2(other).when().get("/api/test/whoami").then().statusCode(200);
    }

    @Test
    void aRevokedSystemAdminTokenLosesItsRoleToo() {
        String session = UUID.randomUUID().toString();
        String admin = token("u-" + UUID.randomUUID(), session, true);
        given().auth().oauth2(admin).when().get("/api/test/whoami").then().statusCode(200).body("systemAdmin", equalTo(true));
        revoke(session, "admin", Instant.now().plusSeconds(900));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(admin).when().get("/api/test/whoami").then().statusCode(401));
    }

    @Test
    void aRevocationPastItsTokensLifetimeRefusesNothing() {
        String userId = TestTokens.newUserId();
        String session = UUID.randomUUID().toString();
        revoke(session, userId, Instant.now().minusSeconds(60));
        // a marker behind it on the same partition: once the marker is applied, so was the old revocation
        String marker = UUID.randomUUID().toString();
        revoke(marker, userId, Instant.now().plusSeconds(900));
        String markerToken = token(userId, marker, false);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(markerToken).when().get("/api/test/whoami").then().statusCode(401));
        given().auth().oauth2(token(userId, session, false)).when().get("/api/test/whoami").then().statusCode(200);
    }

    static void revoke(String sessionId, String userId, Instant accessValidUntil) {
        TestEvents.publish("cognita.identity", "user/" + userId, "session.revoked", null,
                "{\"sessionId\":\"" + sessionId + "\",\"userId\":\"" + userId + "\",\"reason\":\"logout\","
                        + "\"accessValidUntil\":\"" + accessValidUntil + "\"}");
    }

    static String token(String userId, String sessionId, boolean systemAdmin) {
        return TestTokens.sign(TestTokens.base(userId).claim("sid", sessionId)
                .groups(systemAdmin ? Set.of("system:admin") : Set.of("user")).claim("scope", TestTokens.USER_SCOPES));
    }
}
