package io.cognita.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cognita.workspace.WorkspaceFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class WorkspaceApiTest {

    @Inject
    WorkspaceFixtures fixtures;

    @Test
    void anOrgAdminCreatesAWorkspaceAndBecomesItsAdminAndTheEventsGoOut() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        try (EventTap tap = new EventTap("cognita.workspace")) {
            String id = given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON)
                    .body("{\"name\":\"  Biology 101 \",\"description\":\"Tuesdays\",\"visibility\":\"private\"}")
                    .when().post("/api/orgs/" + org.id() + "/workspaces")
                    .then().statusCode(201)
                    .body("status", equalTo("ok"))
                    .body("data.name", equalTo("Biology 101"))
                    .body("data.visibility", equalTo("private"))
                    .body("data.orgId", equalTo(org.id().toString()))
                    .body("data.createdBy", equalTo(org.admin()))
                    .body("data.memberCount", equalTo(1))
                    .body("data.yourRole", equalTo("admin"))
                    .extract().path("data.workspaceId");
            JsonNode created = tap.await(e -> "workspace.created".equals(e.path("type").asText())
                    && id.equals(e.at("/data/workspaceId").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals(org.id().toString(), created.path("orgid").asText());
            assertEquals(org.id().toString(), created.path("_key").asText());
            assertEquals("private", created.at("/data/visibility").asText());
            JsonNode added = tap.await(e -> "workspace.member-added".equals(e.path("type").asText())
                    && id.equals(e.at("/data/workspaceId").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals(org.admin(), added.at("/data/userId").asText());
            assertEquals("admin", added.at("/data/role").asText());
        }
    }

    @Test
    void privateWorkspacesAreSeenOnlyByTheirMembersAndTheOrgsAdmins() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        String open = WorkspaceFixtures.workspace(org.id(), org.admin(), "org");
        String closed = WorkspaceFixtures.workspace(org.id(), org.admin(), "private");
        WorkspaceFixtures.addMember(closed, org.admin(), org.member(), "member");

        given().auth().oauth2(token(org.otherMember())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(200).body("data.workspaceId", contains(open)).body("data[0].yourRole", nullValue());
        given().auth().oauth2(token(org.member())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(200).body("data.workspaceId", contains(closed, open));
        given().auth().oauth2(token(org.owner())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(200).body("data.workspaceId", containsInAnyOrder(open, closed));
        given().auth().oauth2(token(org.otherMember())).when().get("/api/workspaces/" + closed)
                .then().statusCode(404).body("code", equalTo("WORKSPACE_NOT_FOUND"));
        given().auth().oauth2(token(org.otherMember())).when().get("/api/workspaces/" + open)
                .then().statusCode(200).body("data.yourRole", nullValue());
        given().auth().oauth2(token(TestTokens.newUserId())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
    }

    @Test
    void listingIsNewestFirstAndCursorPaged() {
        WorkspaceFixtures.Org org = fixtures.org(10);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(WorkspaceFixtures.workspace(org.id(), org.owner(), "org"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(token(org.member())).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/api/orgs/" + org.id() + "/workspaces").then().statusCode(200).extract();
            seen.addAll(page.path("data.workspaceId"));
            cursor = page.path("meta.nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
        java.util.Collections.reverse(made);
        assertEquals(made, seen);
        given().auth().oauth2(token(org.member())).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .when().get("/api/orgs/" + org.id() + "/workspaces").then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void aWorkspaceAdminUpdatesAndDeletes() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        String id = WorkspaceFixtures.workspace(org.id(), org.admin(), "org");
        WorkspaceFixtures.addMember(id, org.admin(), org.member(), "admin");
        given().auth().oauth2(token(org.member())).contentType("application/merge-patch+json")
                .body("{\"name\":\"Renamed\",\"description\":\"about\"}")
                .when().patch("/api/workspaces/" + id).then().statusCode(200)
                .body("data.name", equalTo("Renamed")).body("data.description", equalTo("about"))
                .body("data.visibility", equalTo("org"));
        given().auth().oauth2(token(org.member())).contentType(ContentType.JSON).body("{\"description\":\"\"}")
                .when().patch("/api/workspaces/" + id).then().statusCode(200)
                .body("data.name", equalTo("Renamed")).body("data.description", nullValue());
        try (EventTap tap = new EventTap("cognita.workspace")) {
            given().auth().oauth2(token(org.member())).when().delete("/api/workspaces/" + id).then().statusCode(200);
            tap.await(e -> "workspace.deleted".equals(e.path("type").asText()) && id.equals(e.at("/data/workspaceId").asText()),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no workspace.deleted"));
        }
        given().auth().oauth2(token(org.owner())).when().get("/api/workspaces/" + id).then().statusCode(404);
    }

    @Test
    void membersAreOrgMembersAddedOnceAndRemovable() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        String id = WorkspaceFixtures.workspace(org.id(), org.admin(), "private");
        given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON)
                .body("{\"userId\":\"" + TestTokens.newUserId() + "\"}")
                .when().post("/api/workspaces/" + id + "/members").then().statusCode(422).body("code", equalTo("NOT_AN_ORG_MEMBER"));
        given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).body("{\"userId\":\"" + org.member() + "\"}")
                .when().post("/api/workspaces/" + id + "/members").then().statusCode(201)
                .body("data.userId", equalTo(org.member())).body("data.role", equalTo("member"));
        given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).body("{\"userId\":\"" + org.member() + "\"}")
                .when().post("/api/workspaces/" + id + "/members").then().statusCode(409).body("code", equalTo("ALREADY_MEMBER"));
        given().auth().oauth2(token(org.member())).when().get("/api/workspaces/" + id + "/members")
                .then().statusCode(200).body("data.userId", hasItem(org.member())).body("data.size()", equalTo(2));
        // a plain member cannot remove others, but may leave
        given().auth().oauth2(token(org.member())).when().delete("/api/workspaces/" + id + "/members/" + org.admin())
                .then().statusCode(403);
        given().auth().oauth2(token(org.member())).when().delete("/api/workspaces/" + id + "/members/" + org.member())
                .then().statusCode(200);
        given().auth().oauth2(token(org.member())).when().get("/api/workspaces/" + id).then().statusCode(404);
        given().auth().oauth2(token(org.admin())).when().delete("/api/workspaces/" + id + "/members/" + org.member())
                .then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        given().auth().oauth2(token(org.admin())).when().get("/api/workspaces/" + id + "/members")
                .then().statusCode(200).body("data.userId", not(hasItem(org.member())));
    }

    @Test
    void tenConcurrentCreatesOnALimitOfThreeMakeExactlyThree() throws Exception {
        WorkspaceFixtures.Org org = fixtures.org(3);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                creates.add(() -> given().auth().oauth2(token(org.owner())).contentType(ContentType.JSON)
                        .body("{\"name\":\"WS " + UUID.randomUUID() + "\"}")
                        .when().post("/api/orgs/" + org.id() + "/workspaces").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(creates)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token(org.owner())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(200).body("data.size()", equalTo(3));
        given().auth().oauth2(token(org.owner())).contentType(ContentType.JSON).body("{\"name\":\"one more\"}")
                .when().post("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(422).body("code", equalTo("WORKSPACE_LIMIT_REACHED"));
    }

    @Test
    void aSuspendedOrgIsReadOnlyAndADeletedOneIsGone() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        String id = WorkspaceFixtures.workspace(org.id(), org.admin(), "org");
        fixtures.orgStatus(org.id(), "SUSPENDED");
        given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post("/api/orgs/" + org.id() + "/workspaces").then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().patch("/api/workspaces/" + id).then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        given().auth().oauth2(token(org.admin())).when().get("/api/workspaces/" + id).then().statusCode(200);
        fixtures.orgStatus(org.id(), "DELETED");
        given().auth().oauth2(token(org.admin())).when().get("/api/workspaces/" + id).then().statusCode(404);
        given().auth().oauth2(token(org.admin())).when().get("/api/orgs/" + org.id() + "/workspaces").then().statusCode(404);
    }

    @Test
    void anIdempotentCreateIsReplayed() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"Once\"}").when().post("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(201).extract().path("data.workspaceId");
        given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"Once\"}").when().post("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("data.workspaceId", equalTo(first));
        given().auth().oauth2(token(org.admin())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().body("data.size()", equalTo(1));
    }
}
