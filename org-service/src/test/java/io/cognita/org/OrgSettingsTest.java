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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.cognita.org.OrgLifecycleTest.patchSettings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgSettingsTest {

    @Inject
    OrgFixtures fixtures;

    @Test
    void aMergePatchSetsAndResetsFields() {
        String orgId = OrgFixtures.createOrg();
        String admin = TestTokens.newUserId();
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        try (EventTap tap = new EventTap("cognita.org")) {
            patchSettings(orgId, TestTokens.user(admin), "{\"aiSummaries\":\"basic\",\"lmsIntegration\":null}")
                    .then().statusCode(200)
                    .body("data.aiSummaries", equalTo("basic"))
                    .body("data.lmsIntegration", equalTo("none"))
                    .body("data.timezone", equalTo("America/Los_Angeles"));
            JsonNode event = tap.await(e -> "org.settings-updated".equals(e.path("type").asText())
                    && orgId.equals(e.path("orgid").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals("basic", event.at("/data/settings/aiSummaries").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one invalid field spoils the patch | {\"aiSummaries\":\"basic\",\"timezone\":\"Mars/Olympus\"} | timezone",
            "unknown field                      | {\"aiSummaries\":\"basic\",\"colour\":\"red\"}            | colour",
            "wrong type                         | {\"educationMode\":\"yes\"}                               | educationMode",
            "unknown enum value                 | {\"complianceMode\":\"sox\"}                              | complianceMode",
            "not an object                      | [\"aiSummaries\"]                                         | $",
    })
    void anInvalidPatchChangesNothing(String label, String patch, String field) {
        String orgId = OrgFixtures.createOrg();
        patchSettings(orgId, ADMIN, patch).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/settings").then().statusCode(200)
                .body("data.aiSummaries", equalTo("enhanced"));
    }

    @Test
    void whoMayReadAndWriteSettings() {
        String orgId = OrgFixtures.createOrg();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/settings").then().statusCode(200);
        patchSettings(orgId, TestTokens.user(member), "{\"aiSummaries\":\"basic\"}").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).when().get("/api/orgs/" + orgId + "/settings")
                .then().statusCode(404);
        given().when().get("/api/orgs/" + orgId + "/settings").then().statusCode(401);
    }

    @Test
    void retentionIsSetUpdatedAndValidated() {
        String orgId = OrgFixtures.createOrg();
        try (EventTap tap = new EventTap("cognita.org")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"transcripts\":\"30d\"}")
                    .when().post("/api/orgs/" + orgId + "/retention").then().statusCode(200)
                    .body("data.transcripts", equalTo("30d")).body("data.recordings", equalTo("365d"));
            tap.await(e -> "org.retention-updated".equals(e.path("type").asText()) && orgId.equals(e.path("orgid").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"recordings\":\"indefinite\"}")
                .when().patch("/api/orgs/" + orgId + "/retention").then().statusCode(200)
                .body("data.transcripts", equalTo("30d")).body("data.recordings", equalTo("indefinite"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"recordings\":\"0d\"}")
                .when().patch("/api/orgs/" + orgId + "/retention").then().statusCode(400).body("errors.field", hasItem("recordings"));
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/retention").then().statusCode(200)
                .body("data.recordings", equalTo("indefinite"));
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body("{\"recordings\":\"10d\"}")
                .when().patch("/api/orgs/" + orgId + "/retention").then().statusCode(403);
    }

    @Test
    void theAuditLogIsFilteredAndPaged() {
        String orgId = OrgFixtures.createOrg();
        patchSettings(orgId, ADMIN, "{\"aiSummaries\":\"basic\"}").then().statusCode(200);
        patchSettings(orgId, ADMIN, "{\"aiSummaries\":\"disabled\"}").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("action", "org.settings-updated").when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().statusCode(200).body("data", hasSize(2))
                .body("data[0].after.settings.aiSummaries", equalTo("disabled"))
                .body("data[0].before.settings.aiSummaries", equalTo("basic"))
                .body("data[0].requestId", notNullValue());
        var first = given().auth().oauth2(ADMIN).queryParam("limit", 1).when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().statusCode(200).body("data", hasSize(1)).extract().jsonPath();
        given().auth().oauth2(ADMIN).queryParam("limit", 5).queryParam("cursor", first.getString("meta.nextCursor"))
                .when().get("/api/orgs/" + orgId + "/audit-logs").then().statusCode(200).body("data", hasSize(2))
                .body("data[1].action", equalTo("org.created"));
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(ADMIN).queryParam("from", "2030-01-01T00:00:00Z").when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().statusCode(200).body("data", hasSize(0));
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/audit-logs").then().statusCode(403);
    }

    @Test
    void concurrentPatchesOfOneOrgAllSucceedInTurn() throws Exception {
        String orgId = OrgFixtures.createOrg();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                String value = i % 2 == 0 ? "basic" : "enhanced";
                answers.add(pool.submit(() -> patchSettings(orgId, ADMIN, "{\"aiSummaries\":\"" + value + "\"}")
                        .then().extract().statusCode()));
            }
            for (var answer : answers) {
                org.junit.jupiter.api.Assertions.assertEquals(200, answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).queryParam("action", "org.settings-updated").queryParam("limit", 50)
                .when().get("/api/orgs/" + orgId + "/audit-logs").then().body("data", hasSize(12));
    }
}
