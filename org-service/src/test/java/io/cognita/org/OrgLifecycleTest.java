package io.cognita.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.EventTap;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgLifecycleTest {

    @Inject
    OrgFixtures fixtures;

    @Test
    void suspensionStopsMembersWritingWithinSecondsAndResumeLetsThemAgain() {
        String orgId = OrgFixtures.createOrg();
        String admin = TestTokens.newUserId();
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        String adminToken = TestTokens.user(admin);
        patchSettings(orgId, adminToken, "{\"aiSummaries\":\"basic\"}").then().statusCode(200);

        try (EventTap tap = new EventTap("cognita.org")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"unpaid invoices\"}")
                    .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(200)
                    .body("data.isSuspended", is(true)).body("data.suspensionReason", equalTo("unpaid invoices"));
            JsonNode event = tap.await(e -> "org.suspended".equals(e.path("type").asText()) && orgId.equals(e.path("orgid").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
            assertEquals("unpaid invoices", event.at("/data/reason").asText());
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                patchSettings(orgId, adminToken, "{\"aiSummaries\":\"enhanced\"}").then().statusCode(403)
                        .body("code", equalTo("ORG_SUSPENDED")));
        given().auth().oauth2(adminToken).when().get("/api/orgs/" + orgId + "/settings").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(422).body("code", equalTo("ORG_ALREADY_SUSPENDED"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"paid\"}")
                .when().post("/api/orgs/" + orgId + "/resume").then().statusCode(200).body("data.isSuspended", is(false));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                .when().post("/api/orgs/" + orgId + "/resume").then().statusCode(422).body("code", equalTo("ORG_NOT_SUSPENDED"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                patchSettings(orgId, adminToken, "{\"aiSummaries\":\"enhanced\"}").then().statusCode(200));
    }

    @Test
    void aSuspendedOrgRefusesEveryWriteOfItsMembersButSettlingThePaymentMethod() {
        String orgId = OrgFixtures.createOrg();
        String owner = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, owner, OrgRole.OWNER);
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        String token = TestTokens.user(owner);
        String invitation = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\":\"pending-" + orgId + "@example.org\",\"role\":\"member\"}")
                .when().post("/api/orgs/" + orgId + "/members").then().statusCode(202).extract().path("data.invitationId");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"unpaid invoices\"}")
                .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                patchSettings(orgId, token, "{\"aiSummaries\":\"enhanced\"}").then().statusCode(403));

        String org = "/api/orgs/" + orgId;
        String update = OrgFixtures.seed("update-organization.request").put("name", "Org " + java.util.UUID.randomUUID()).toString();
        java.util.List<String[]> writes = java.util.List.of(
                new String[]{"PUT", org + "/update", update},
                new String[]{"POST", org + "/retention", "{\"transcripts\":\"365d\"}"},
                new String[]{"PATCH", org + "/retention", "{\"chatLogs\":\"90d\"}"},
                new String[]{"PUT", org + "/domains", "{\"domains\":[\"example.org\"]}"},
                new String[]{"POST", org + "/domains/cognita.edu/verify", null},
                new String[]{"POST", org + "/members", "{\"email\":\"x@example.org\",\"role\":\"member\"}"},
                new String[]{"PATCH", org + "/members/" + member, "{\"role\":\"admin\"}"},
                new String[]{"DELETE", org + "/members/" + member, null},
                new String[]{"DELETE", org + "/invitations/" + invitation, null},
                new String[]{"POST", org + "/billing/plan", "{\"plan\":\"pro\"}"},
                new String[]{"DELETE", org, null});
        for (String[] write : writes) {
            var request = given().auth().oauth2(token);
            if (write[2] != null) {
                request.contentType(ContentType.JSON).body(write[2]);
            }
            request.when().request(write[0], write[1]).then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        }
        // the owner may settle what caused the suspension; reads stay allowed
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reference\":\"pm_9\",\"brand\":\"visa\",\"last4\":\"1881\"}")
                .when().put(org + "/billing/payment-method").then().statusCode(200);
        given().auth().oauth2(token).when().get(org + "/members").then().statusCode(200);
        given().auth().oauth2(token).when().get(org + "/billing").then().statusCode(200).body("data.subscription.status", equalTo("suspended"));
    }

    @Test
    void onlySystemAdminsSuspend() {
        String orgId = OrgFixtures.createOrg();
        String owner = TestTokens.newUserId();
        fixtures.addMember(orgId, owner, OrgRole.OWNER);
        given().auth().oauth2(TestTokens.user(owner)).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(401);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/orgs/" + UUID.randomUUID() + "/suspend").then().statusCode(404);
    }

    @Test
    void theOwnerDeletesAndTheOrgIsGone() {
        String orgId = OrgFixtures.createOrg();
        String owner = TestTokens.newUserId();
        String admin = TestTokens.newUserId();
        fixtures.addMember(orgId, owner, OrgRole.OWNER);
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        given().auth().oauth2(TestTokens.user(admin)).when().delete("/api/orgs/" + orgId).then().statusCode(403);
        given().when().delete("/api/orgs/" + orgId).then().statusCode(401);
        try (EventTap tap = new EventTap("cognita.org")) {
            given().auth().oauth2(TestTokens.user(owner)).when().delete("/api/orgs/" + orgId).then().statusCode(200);
            tap.await(e -> "org.deleted".equals(e.path("type").asText()) && orgId.equals(e.path("orgid").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
        }
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then().statusCode(404);
        given().auth().oauth2(TestTokens.user(owner)).when().get("/api/orgs").then().statusCode(200)
                .body("data.orgId", not(hasItem(orgId)));
        given().auth().oauth2(ADMIN).when().delete("/api/orgs/" + orgId).then().statusCode(404);
    }

    static io.restassured.response.Response patchSettings(String orgId, String token, String patch) {
        return given().auth().oauth2(token).contentType("application/merge-patch+json").body(patch)
                .when().patch("/api/orgs/" + orgId + "/settings");
    }
}
