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
    }
}
