package io.cognita.org;

import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class ConfigTest {

    @Inject
    OrgFixtures fixtures;

    @Test
    void membersReadTheirOrgsEffectiveFlagsAndConfig() {
        String orgId = OrgFixtures.createOrg();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(member)).queryParam("orgId", orgId).when().get("/api/config/feature-flags")
                .then().statusCode(200).body("data.realTimeTranslation", is(true)).body("data.aiAttendee", is(false));
        given().auth().oauth2(TestTokens.user(member)).queryParam("orgId", orgId).when().get("/api/config/configs")
                .then().statusCode(200).body("data.billingPlan", equalTo("enterprise_edu"))
                .body("data.settings.timezone", equalTo("America/Los_Angeles"))
                .body("data.featureFlags.examGeneration", is(true)).body("data.featureFlags.aiAttendee", is(false));
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).queryParam("orgId", orgId)
                .when().get("/api/config/feature-flags").then().statusCode(404);
        given().auth().oauth2(ADMIN).when().get("/api/config/feature-flags").then().statusCode(400)
                .body("errors.field", hasItem("orgId"));
        given().queryParam("orgId", orgId).when().get("/api/config/configs").then().statusCode(401);
    }

    @Test
    void systemAdminsChangeTenantDefaultsForNewOrgs() {
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).when().get("/api/config/tenant-defaults")
                .then().statusCode(200).body("data.orgType", hasItems("education", "enterprise", "government", "nonprofit"));
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType(ContentType.JSON)
                .body("{\"orgType\":\"nonprofit\",\"trialMonths\":2}").when().patch("/api/config/tenant-defaults")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"orgType\":\"nonprofit\",\"trialMonths\":25}").when().patch("/api/config/tenant-defaults")
                .then().statusCode(400).body("errors.field", hasItem("trialMonths"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"orgType\":\"nonprofit\",\"trialMonths\":2,\"settings\":{\"aiSummaries\":\"disabled\"}}")
                .when().patch("/api/config/tenant-defaults").then().statusCode(200)
                .body("data.trialMonths", is(2)).body("data.settings.aiSummaries", equalTo("disabled"))
                .body("data.billingPlan", equalTo("pro"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"Charity\",\"orgType\":\"nonprofit\"}")
                .when().post("/api/orgs").then().statusCode(200)
                .body("data.trialEndDate", equalTo("2025-12-22T00:00:00Z"))
                .body("data.settings.aiSummaries", equalTo("disabled"));
    }

    /** PUT replaces: a partial body is refused naming each missing field; a complete one becomes the defaults as given. */
    @Test
    void putReplacesTheWholeDefaultsAndPatchChangesSome() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"orgType\":\"enterprise\",\"trialMonths\":1,\"settings\":{\"aiSummaries\":\"disabled\"}}")
                .when().put("/api/config/tenant-defaults").then().statusCode(400)
                .body("errors.field", hasItems("billingPlan", "featureFlags", "retentionPolicy", "settings.timezone"));
        var current = given().auth().oauth2(ADMIN).when().get("/api/config/tenant-defaults").then().statusCode(200)
                .extract().jsonPath().<String, Object>getMap("data.find { it.orgType == 'enterprise' }");
        java.util.Map<String, Object> replacement = new java.util.HashMap<>(current);
        replacement.put("trialMonths", 1);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(replacement)
                .when().put("/api/config/tenant-defaults").then().statusCode(200).body("data.trialMonths", is(1));
        replacement.put("trialMonths", current.get("trialMonths"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(replacement)
                .when().put("/api/config/tenant-defaults").then().statusCode(200)
                .body("data.trialMonths", is(current.get("trialMonths")));
    }

    @Test
    void tenantDefaultsChangesAreAuditedForSystemAdmins() {
        String admin = TestTokens.systemAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"orgType\":\"government\",\"settings\":{\"retentionAlerts\":false}}")
                .when().patch("/api/config/tenant-defaults").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("action", "config.tenant-defaults-updated").queryParam("limit", "50")
                .when().get("/api/config/audit-logs").then().statusCode(200)
                .body("data.find { it.target == 'tenant-defaults/government' && it.after.settings.retentionAlerts == false }.before.settings.retentionAlerts",
                        is(true));
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).when().get("/api/config/audit-logs").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").when().get("/api/config/audit-logs").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().when().get("/api/config/audit-logs").then().statusCode(401);
        // put back what other tests rely on
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"orgType\":\"government\",\"settings\":{\"retentionAlerts\":true}}")
                .when().patch("/api/config/tenant-defaults").then().statusCode(200);
    }
}
