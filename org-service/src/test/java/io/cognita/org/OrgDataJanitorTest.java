package io.cognita.org;

import io.cognita.org.repository.AuditLogRepository;
import io.cognita.org.repository.OrganizationRepository;
import io.cognita.org.service.OrgDataJanitor;
import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgDataJanitorTest {

    @Inject
    OrgDataJanitor janitor;

    @Inject
    OrganizationRepository orgs;

    @Inject
    AuditLogRepository audit;

    @Test
    void aDeletedOrgIsPurgedAfterTheGracePeriod() {
        String orgId = OrgFixtures.createOrg();
        given().auth().oauth2(ADMIN).when().delete("/api/orgs/" + orgId).then().statusCode(200);
        UUID id = UUID.fromString(orgId);
        janitor.purgeDeleted();
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> orgs.findById(id)), "still within the grace period");
        SeedClock.CLOCK.advance(Duration.ofDays(31));
        try {
            assertTrue(janitor.purgeDeleted() >= 1);
        } finally {
            SeedClock.CLOCK.advance(Duration.ofDays(-31));
        }
        assertNull(QuarkusTransaction.requiringNew().call(() -> orgs.findById(id)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> audit.forOrg(id)).size());
    }

    @Test
    void auditEntriesGoWhenOlderThanTheUserDataRetention() {
        String orgId = OrgFixtures.createOrg();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"userData\":\"30d\"}")
                .when().patch("/api/orgs/" + orgId + "/retention").then().statusCode(200);
        UUID id = UUID.fromString(orgId);
        String keptId = OrgFixtures.createOrg();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"userData\":\"indefinite\"}")
                .when().patch("/api/orgs/" + keptId + "/retention").then().statusCode(200);
        UUID kept = UUID.fromString(keptId);
        int before = QuarkusTransaction.requiringNew().call(() -> audit.forOrg(id)).size();
        assertEquals(2, before);
        janitor.expireAuditEntries();
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> audit.forOrg(id)).size());
        // audit entries carry the wall-clock time of the write; move the service's clock past it
        java.time.Instant seedNow = SeedClock.CLOCK.instant();
        SeedClock.CLOCK.set(java.time.Instant.now().plus(Duration.ofDays(31)));
        try {
            janitor.expireAuditEntries();
        } finally {
            SeedClock.CLOCK.set(seedNow);
        }
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> audit.forOrg(id)).size());
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> audit.forOrg(kept)).size(), "indefinite keeps them");
    }

    @Test
    void anExpiredInvitationFreesItsSeatIsNotAcceptedAndIsRemoved() {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        fixtures.addMember(orgId, io.cognita.platform.testing.TestTokens.newUserId(), io.cognita.org.domain.OrgRole.MEMBER);
        fixtures.addMember(orgId, io.cognita.platform.testing.TestTokens.newUserId(), io.cognita.org.domain.OrgRole.MEMBER);
        String late = "late-" + orgId + "@example.org";
        String next = "next-" + orgId + "@example.org";
        invite(orgId, late).then().statusCode(202);
        invite(orgId, next).then().statusCode(409);

        backdateInvitation(orgId, late, Duration.ofDays(31));
        invite(orgId, next).then().statusCode(202); // the expired invitation no longer holds its seat

        // late verifies, then next (same key: same partition, in order): only next joins
        String lateUser = io.cognita.platform.testing.TestTokens.newUserId();
        String nextUser = io.cognita.platform.testing.TestTokens.newUserId();
        io.cognita.platform.testing.TestEvents.publish("cognita.identity", "user/" + orgId, "user.email-verified", null,
                "{\"userId\":\"" + lateUser + "\",\"email\":\"" + late + "\"}");
        io.cognita.platform.testing.TestEvents.publish("cognita.identity", "user/" + orgId, "user.email-verified", null,
                "{\"userId\":\"" + nextUser + "\",\"email\":\"" + next + "\"}");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then()
                        .body("data.userId", org.hamcrest.Matchers.hasItem(nextUser)));
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then()
                .body("data.userId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(lateUser)));

        assertTrue(janitor.expireInvitations() >= 1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> invitations.of(UUID.fromString(orgId), late)).isEmpty());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> audit.forOrg(UUID.fromString(orgId))).stream()
                .anyMatch(e -> "org.invitation-expired".equals(e.action) && "system:janitor".equals(e.actor)));
    }

    @Test
    void anExpiredInvitationIsOpenedAgainByANewInvite() {
        String orgId = OrgFixtures.createOrg();
        String email = "again-" + orgId + "@example.org";
        String first = invite(orgId, email).then().statusCode(202)
                .body("data.expiresAt", org.hamcrest.Matchers.equalTo(SeedClock.CLOCK.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(30)).toString()))
                .extract().path("data.invitationId");
        backdateInvitation(orgId, email, Duration.ofDays(31));
        invite(orgId, email).then().statusCode(202).body("data.invitationId", org.hamcrest.Matchers.equalTo(first))
                .body("data.createdAt", org.hamcrest.Matchers.equalTo(SeedClock.CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
    }

    @Inject
    OrgFixtures fixtures;

    @Inject
    io.cognita.org.repository.InvitationRepository invitations;

    private void backdateInvitation(String orgId, String email, Duration by) {
        QuarkusTransaction.requiringNew().run(() -> invitations.update("createdAt = ?1 where orgId = ?2 and email = ?3",
                SeedClock.CLOCK.instant().minus(by), UUID.fromString(orgId), email));
    }

    private static io.restassured.response.Response invite(String orgId, String email) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"role\":\"member\"}")
                .when().post("/api/orgs/" + orgId + "/members");
    }
}
