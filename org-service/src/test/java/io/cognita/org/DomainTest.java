package io.cognita.org;

import io.cognita.org.domain.OrgRole;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Allowed domains verified against a real DNS server (dnsmasq on loopback), and the users they capture. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
@QuarkusTestResource(DnsServerResource.class)
class DomainTest {

    @Inject
    OrgFixtures fixtures;

    @Test
    void aDomainIsVerifiedByItsTxtRecordAndCapturesVerifiedUsers() {
        String orgId = OrgFixtures.createOrg();
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var domains = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"domains\":[\"" + domain.toUpperCase() + "\",\"cognita.edu\"]}")
                .when().put("/api/orgs/" + orgId + "/domains").then().statusCode(200)
                .body("data", hasSize(2)).body("data.state", not(hasItem("verified")))
                .extract().jsonPath();
        String record = domains.getString("data.find { it.domain == '" + domain + "' }.txtRecord");
        String value = domains.getString("data.find { it.domain == '" + domain + "' }.txtValue");
        org.junit.jupiter.api.Assertions.assertEquals("_cognita." + domain, record);

        // not published yet: failed
        verify(orgId, domain).then().statusCode(200).body("data.state", equalTo("failed")).body("data.lastCheckedAt", notNullValue());
        // published with a wrong token: still failed
        DnsServerResource.publish(record, "cognita-verification=not-the-token");
        verify(orgId, domain).then().statusCode(200).body("data.state", equalTo("failed"));
        DnsServerResource.publish(record, value);
        verify(orgId, domain).then().statusCode(200).body("data.state", equalTo("verified")).body("data.verifiedAt", notNullValue());
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then().body("data.allowedDomains", hasItem(domain));

        // a user who verifies an address in the domain joins as member
        String userId = TestTokens.newUserId();
        String data = "{\"userId\":\"" + userId + "\",\"email\":\"teacher@" + domain + "\"}";
        TestEvents.publish("cognita.identity", "user/" + userId, "user.registered", null, data);
        TestEvents.publish("cognita.identity", "user/" + userId, "user.email-verified", null, data);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then()
                        .body("data.find { it.userId == '" + userId + "' }.role", equalTo("member")));
    }

    @Test
    void aCaptureBeyondThePlansMemberLimitIsRefusedAndAudited() {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        for (int i = 0; i < 3; i++) {
            fixtures.addMember(orgId, TestTokens.newUserId(), OrgRole.MEMBER);
        }
        String domain = "full" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var listed = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"domains\":[\"" + domain + "\"]}")
                .when().put("/api/orgs/" + orgId + "/domains").then().statusCode(200).extract().jsonPath();
        DnsServerResource.publish(listed.getString("data[0].txtRecord"), listed.getString("data[0].txtValue"));
        verify(orgId, domain).then().statusCode(200).body("data.state", equalTo("verified"));

        String userId = TestTokens.newUserId();
        String data = "{\"userId\":\"" + userId + "\",\"email\":\"student@" + domain + "\"}";
        TestEvents.publish("cognita.identity", "user/" + userId, "user.email-verified", null, data);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).queryParam("action", "org.member-capture-refused")
                        .when().get("/api/orgs/" + orgId + "/audit-logs").then()
                        .body("data.find { it.target == 'member/" + userId + "' }.after.reason", equalTo("MEMBER_LIMIT_REACHED")));
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then()
                .body("data.userId", not(hasItem(userId))).body("data", hasSize(3));
    }

    @Test
    void unknownDomainsBadInputAndAuthorization() {
        String orgId = OrgFixtures.createOrg();
        verify(orgId, "not-listed.example").then().statusCode(404).body("code", equalTo("DOMAIN_NOT_FOUND"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"domains\":[\"bad..domain\"]}")
                .when().put("/api/orgs/" + orgId + "/domains").then().statusCode(400).body("errors.field", hasItem("domains[0]"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                .when().put("/api/orgs/" + orgId + "/domains").then().statusCode(400).body("errors.field", hasItem("domains"));
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/domains").then().statusCode(403);
        given().when().get("/api/orgs/" + orgId + "/domains").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).when().get("/api/orgs/" + orgId + "/domains")
                .then().statusCode(404);
    }

    @Test
    void aResolverThatDoesNotAnswerIs503() {
        String orgId = OrgFixtures.createOrg();
        String domain = "down" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"domains\":[\"" + domain + "\"]}")
                .when().put("/api/orgs/" + orgId + "/domains").then().statusCode(200);
        DnsServerResource.takeDown();
        try {
            verify(orgId, domain).then().statusCode(503).body("code", equalTo("DNS_UNAVAILABLE"));
        } finally {
            DnsServerResource.publish("_cognita.up.example", "up");
        }
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/domains").then()
                .body("data[0].state", equalTo("pending"));
    }

    @Test
    void aProvisioningTokenManagesNoExistingOrg() {
        String orgId = OrgFixtures.createOrg();
        String provisioning = TestTokens.withScope("prov-" + UUID.randomUUID(), "org:provision");
        for (String path : new String[]{"", "/settings", "/retention", "/domains", "/members", "/billing", "/audit-logs"}) {
            given().auth().oauth2(provisioning).when().get("/api/orgs/" + orgId + path).then().statusCode(404);
        }
        given().auth().oauth2(provisioning).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/orgs/" + orgId + "/suspend").then().statusCode(403);
        given().auth().oauth2(provisioning).contentType("application/merge-patch+json").body("{}")
                .when().patch("/api/orgs/" + orgId + "/settings").then().statusCode(404);
    }

    private static io.restassured.response.Response verify(String orgId, String domain) {
        return given().auth().oauth2(ADMIN).when().post("/api/orgs/" + orgId + "/domains/" + domain + "/verify");
    }
}
