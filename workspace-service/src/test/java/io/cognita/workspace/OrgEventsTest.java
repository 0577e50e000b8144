package io.cognita.workspace;

import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.workspace.WorkspaceFixtures.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** workspace-service's decisions follow org-service's and identity's events, published to the real broker. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgEventsTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void orgEventsGrantRevokeAndLimit() {
        String orgId = UUID.randomUUID().toString();
        String owner = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        TestEvents.publish("cognita.org", orgId, "org.created", orgId, "{\"orgId\":\"" + orgId + "\",\"settings\":{},"
                + "\"entitlements\":{\"maxWorkspaces\":1}}");
        TestEvents.publish("cognita.org", orgId, "org.member-added", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + owner + "\",\"role\":\"owner\"}");
        TestEvents.publish("cognita.org", orgId, "org.member-added", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + member + "\",\"role\":\"member\"}");

        String workspaceId = await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body("{\"name\":\"First\"}").when().post("/api/orgs/" + orgId + "/workspaces")
                .then().extract(), r -> r.statusCode() == 201).path("data.workspaceId");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body("{\"userId\":\"" + member + "\"}").when().post("/api/workspaces/" + workspaceId + "/members")
                .then().extract().statusCode() == 201);
        given().auth().oauth2(token(owner)).contentType(ContentType.JSON).body("{\"name\":\"Second\"}")
                .when().post("/api/orgs/" + orgId + "/workspaces").then().statusCode(422).body("code", equalTo("WORKSPACE_LIMIT_REACHED"));

        // a plan change lifts the limit
        TestEvents.publish("cognita.org", orgId, "org.plan-changed", orgId, "{\"orgId\":\"" + orgId + "\",\"fromPlan\":\"free\","
                + "\"toPlan\":\"pro\",\"entitlements\":{\"maxWorkspaces\":10},\"featureFlags\":{}}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body("{\"name\":\"Second\"}").when().post("/api/orgs/" + orgId + "/workspaces").then().extract().statusCode() == 201);

        // removed from the org: no access to any of its workspaces, and the membership rows go (announced)
        given().auth().oauth2(token(member)).when().get("/api/workspaces/" + workspaceId).then().statusCode(200);
        try (EventTap tap = new EventTap("cognita.workspace")) {
            TestEvents.publish("cognita.org", orgId, "org.member-removed", orgId,
                    "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + member + "\",\"role\":\"member\"}");
            await().atMost(WITHIN).until(() -> given().auth().oauth2(token(member)).when().get("/api/workspaces/" + workspaceId)
                    .then().extract().statusCode() == 404);
            tap.await(e -> "workspace.member-removed".equals(e.path("type").asText())
                    && member.equals(e.at("/data/userId").asText()), WITHIN).orElseThrow(() -> new AssertionError("no member-removed"));
        }

        // suspended: writes refused in this service too; resumed: allowed again
        TestEvents.publish("cognita.org", orgId, "org.suspended", orgId, "{\"orgId\":\"" + orgId + "\",\"reason\":\"unpaid\"}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().patch("/api/workspaces/" + workspaceId).then().extract().statusCode() == 403);
        given().auth().oauth2(token(owner)).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().patch("/api/workspaces/" + workspaceId).then().body("code", equalTo("ORG_SUSPENDED"));
        TestEvents.publish("cognita.org", orgId, "org.resumed", orgId, "{\"orgId\":\"" + orgId + "\"}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().patch("/api/workspaces/" + workspaceId).then().extract().statusCode() == 200);
    }

    @Test
    void aDeletedUserLeavesEveryWorkspace() {
        String orgId = UUID.randomUUID().toString();
        String owner = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        TestEvents.publish("cognita.org", orgId, "org.created", orgId, "{\"orgId\":\"" + orgId + "\",\"entitlements\":{\"maxWorkspaces\":3}}");
        TestEvents.publish("cognita.org", orgId, "org.member-added", orgId, "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + owner + "\",\"role\":\"owner\"}");
        TestEvents.publish("cognita.org", orgId, "org.member-added", orgId, "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + member + "\",\"role\":\"member\"}");
        String workspaceId = await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body("{\"name\":\"Team\",\"visibility\":\"private\"}").when().post("/api/orgs/" + orgId + "/workspaces")
                .then().extract(), r -> r.statusCode() == 201).path("data.workspaceId");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body("{\"userId\":\"" + member + "\"}").when().post("/api/workspaces/" + workspaceId + "/members")
                .then().extract().statusCode() == 201);

        TestEvents.publish("cognita.identity", member, "user.deleted", null, "{\"userId\":\"" + member + "\"}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(owner)).when().get("/api/workspaces/" + workspaceId)
                .then().extract().<Integer>path("data.memberCount") == 1);
    }
}
