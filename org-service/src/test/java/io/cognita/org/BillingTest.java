package io.cognita.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed clock stands at 2025-10-22: period 2025-10 is open, 2025-09 closed. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class BillingTest {

    @Inject
    OrgFixtures fixtures;

    @Test
    void theOwnerChangesThePlanAndEntitlementsAndFlagsFollow() {
        String orgId = OrgFixtures.createOrg();
        String owner = TestTokens.newUserId();
        fixtures.addMember(orgId, owner, OrgRole.OWNER);
        given().auth().oauth2(TestTokens.user(owner)).when().get("/api/orgs/" + orgId + "/billing").then().statusCode(200)
                .body("data.subscription.plan", equalTo("enterprise_edu"))
                .body("data.subscription.status", equalTo("trialing"))
                .body("data.entitlements.maxMembers", is(20000));
        try (EventTap tap = new EventTap("cognita.org")) {
            given().auth().oauth2(TestTokens.user(owner)).contentType(ContentType.JSON).body("{\"plan\":\"enterprise\"}")
                    .when().post("/api/orgs/" + orgId + "/billing/plan").then().statusCode(200)
                    .body("data.subscription.plan", equalTo("enterprise"))
                    .body("data.entitlements.maxMembers", is(5000));
            JsonNode event = tap.await(e -> "org.plan-changed".equals(e.path("type").asText()) && orgId.equals(e.path("orgid").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
            assertEquals("enterprise_edu", event.at("/data/fromPlan").asText());
            assertEquals(true, event.at("/data/featureFlags/aiAttendee").asBoolean(false), "effective flags in the event");
        }
        // the seed org had switched off the two features enterprise adds: the upgrade turns them on at once
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then()
                .body("data.billingPlan", equalTo("enterprise")).body("data.featureFlags.aiAttendee", nullValue())
                .body("data.featureFlags.meetingEnergyDashboard", nullValue());
        given().auth().oauth2(TestTokens.user(owner)).queryParam("orgId", orgId).when().get("/api/config/feature-flags")
                .then().statusCode(200).body("data.aiAttendee", is(true)).body("data.meetingEnergyDashboard", is(true))
                .body("data.examGeneration", is(true)).body("data.realTimeTranslation", is(true));
    }

    @Test
    void aDowngradeSwitchesOffWhatTheNewPlanDoesNotGrantAndKeepsTheOrgsChoices() {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        // free grants nothing; the education tenant defaults still make examGeneration and breakoutRooms available
        given().auth().oauth2(ADMIN).queryParam("orgId", orgId).when().get("/api/config/feature-flags").then().statusCode(200)
                .body("data.realTimeTranslation", is(false)).body("data.roleAwareSummaries", is(false))
                .body("data.examGeneration", is(true)).body("data.breakoutRooms", is(true))
                .body("data.aiAttendee", is(false)).body("data.meetingEnergyDashboard", is(false));
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then()
                .body("data.featureFlags.realTimeTranslation", is(true)).body("data.featureFlags.roleAwareSummaries", is(true));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"plan\":\"enterprise_edu\"}")
                .when().post("/api/orgs/" + orgId + "/billing/plan").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("orgId", orgId).when().get("/api/config/feature-flags").then()
                .body("data.realTimeTranslation", is(true)).body("data.roleAwareSummaries", is(true));
    }

    @Test
    void whoMaySeeAndChangeBilling() {
        String orgId = OrgFixtures.createOrg();
        String admin = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(admin)).when().get("/api/orgs/" + orgId + "/billing").then().statusCode(200);
        given().auth().oauth2(TestTokens.withScope(admin, "org:read")).when().get("/api/orgs/" + orgId + "/billing").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/billing").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).when().get("/api/orgs/" + orgId + "/billing").then().statusCode(404);
        given().when().get("/api/orgs/" + orgId + "/billing").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body("{\"plan\":\"free\"}")
                .when().post("/api/orgs/" + orgId + "/billing/plan").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"plan\":\"platinum\"}")
                .when().post("/api/orgs/" + orgId + "/billing/plan").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"reference\":\"pm_123\",\"brand\":\"visa\",\"last4\":\"4242424242424242\"}")
                .when().put("/api/orgs/" + orgId + "/billing/payment-method").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reference\":\"pm_123\",\"brand\":\"visa\",\"last4\":\"4242\"}")
                .when().put("/api/orgs/" + orgId + "/billing/payment-method").then().statusCode(200);
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/billing").then()
                .body("data.paymentMethod.last4", equalTo("4242"));
    }

    @Test
    void usageDeliveredTwiceCountsOnceAndAClosedPeriodIsInvoiced() {
        String orgId = OrgFixtures.createOrgOnPlan("pro");
        String record = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/cognita/transcription-service\","
                + "\"type\":\"usage.recorded\",\"orgid\":\"" + orgId + "\",\"data\":{\"meter\":\"transcription-minutes\","
                + "\"quantity\":3100,\"recordedAt\":\"2025-09-15T10:00:00Z\"}}";
        TestEvents.publishRaw("cognita.transcription", orgId, record);
        TestEvents.publishRaw("cognita.transcription", orgId, record);
        TestEvents.publish("cognita.transcription", orgId, "usage.recorded", orgId,
                "{\"meter\":\"transcription-minutes\",\"quantity\":50,\"recordedAt\":\"2025-10-02T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/billing").then()
                        .body("data.usage.transcriptionMinutes", is(50)));
        given().auth().oauth2(ADMIN).when().post("/api/orgs/" + orgId + "/billing/invoices/2025-09").then().statusCode(200)
                .body("data.totalCents", is(100 * 2))
                .body("data.lines", hasSize(2))
                .body("data.lines[0].amountCents", is(0)).body("data.lines[0].description", containsString("(trial)"))
                .body("data.lines[1].quantity", is(100));
        given().auth().oauth2(ADMIN).when().post("/api/orgs/" + orgId + "/billing/invoices/2025-10").then().statusCode(422);
        given().auth().oauth2(ADMIN).when().post("/api/orgs/" + orgId + "/billing/invoices/sept").then().statusCode(400);
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/billing").then().body("data.invoices", hasSize(1));

        // usage of the invoiced September arriving late is billed with October's
        TestEvents.publish("cognita.transcription", orgId, "usage.recorded", orgId,
                "{\"meter\":\"transcription-minutes\",\"quantity\":7,\"recordedAt\":\"2025-09-30T23:00:00Z\"}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/billing").then()
                        .body("data.usage.transcriptionMinutes", is(57)));
        given().auth().oauth2(ADMIN).when().post("/api/orgs/" + orgId + "/billing/invoices/2025-09").then().statusCode(200)
                .body("data.totalCents", is(100 * 2));
    }

    @Test
    void membersBeyondThePlanAreRefused() {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        for (int i = 0; i < 3; i++) {
            fixtures.addMember(orgId, TestTokens.newUserId(), OrgRole.MEMBER);
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"email\":\"fourth@example.org\",\"role\":\"member\"}")
                .when().post("/api/orgs/" + orgId + "/members").then().statusCode(409).body("code", equalTo("MEMBER_LIMIT_REACHED"));
    }

    @Test
    void aPendingInvitationHoldsASeat() {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        fixtures.addMember(orgId, TestTokens.newUserId(), OrgRole.MEMBER);
        fixtures.addMember(orgId, TestTokens.newUserId(), OrgRole.MEMBER);
        invite(orgId, "first-" + orgId + "@example.org").then().statusCode(202);
        invite(orgId, "second-" + orgId + "@example.org").then().statusCode(409).body("code", equalTo("MEMBER_LIMIT_REACHED"));
        invite(orgId, "FIRST-" + orgId + "@example.org").then().statusCode(202); // the same invitation again
    }

    @Test
    void concurrentInvitationsNeverExceedTheLimit() throws Exception {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 10; i++) {
                String email = "racer" + i + "-" + orgId + "@example.org";
                answers.add(pool.submit(() -> invite(orgId, email).then().extract().statusCode()));
            }
            var codes = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                codes.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(3, codes.stream().filter(c -> c == 202).count(), codes.toString());
            assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static io.restassured.response.Response invite(String orgId, String email) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"role\":\"member\"}")
                .when().post("/api/orgs/" + orgId + "/members");
    }
}
