package io.cognita.org;

import io.cognita.org.domain.AuditEntry;
import io.cognita.org.domain.Invoice;
import io.cognita.org.repository.AuditLogRepository;
import io.cognita.org.repository.BillingRepositories;
import io.cognita.org.repository.OrganizationRepository;
import io.cognita.org.service.BillingPeriodCloser;
import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing job, on the seed clock (2025-10-22): September 2025 is the period to close. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class BillingPeriodCloserTest {

    @Inject
    BillingPeriodCloser closer;

    @Inject
    OrganizationRepository orgs;

    @Inject
    BillingRepositories.Invoices invoices;

    @Inject
    AuditLogRepository audit;

    @Test
    void everyOrgLiveInTheLastMonthGetsOneInvoiceForIt() {
        String billed = OrgFixtures.createOrg();
        String newer = OrgFixtures.createOrg();
        String deleted = OrgFixtures.createOrg();
        backdate(billed, "2025-09-10T09:00:00Z", "2025-09-20T00:00:00Z");
        backdate(deleted, "2025-09-10T09:00:00Z", "2025-09-20T00:00:00Z");
        given().auth().oauth2(ADMIN).when().delete("/api/orgs/" + deleted).then().statusCode(200);

        assertTrue(closer.closeLastPeriod() >= 1);
        closer.closeLastPeriod();

        List<Invoice> issued = invoicesOf(billed);
        assertEquals(1, issued.size(), "one invoice, however often the job runs");
        assertEquals("2025-09", issued.get(0).period);
        assertEquals(30000, issued.get(0).totalCents, "enterprise_edu, trial over before the period ended");
        assertEquals(0, invoicesOf(newer).size(), "created after the period");
        assertEquals(0, invoicesOf(deleted).size(), "deleted");
        List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> audit.forOrg(UUID.fromString(billed)));
        assertTrue(entries.stream().anyMatch(e -> "org.invoice-issued".equals(e.action) && "system:billing-job".equals(e.actor)));
    }

    @Test
    void twoRunsAtOnceAsFromTwoReplicasIssueOneInvoice() throws Exception {
        String orgId = OrgFixtures.createOrg();
        backdate(orgId, "2025-08-01T00:00:00Z", "2025-08-02T00:00:00Z");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(closer::closeLastPeriod);
            var b = pool.submit(closer::closeLastPeriod);
            a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            b.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, invoicesOf(orgId).size());
    }

    private void backdate(String orgId, String createdAt, String trialEnd) {
        QuarkusTransaction.requiringNew().run(() -> orgs.update("createdAt = ?1, trialEndDate = ?2 where id = ?3",
                Instant.parse(createdAt), Instant.parse(trialEnd), UUID.fromString(orgId)));
    }

    private List<Invoice> invoicesOf(String orgId) {
        return QuarkusTransaction.requiringNew().call(() -> invoices.list("orgId", UUID.fromString(orgId)));
    }
}
