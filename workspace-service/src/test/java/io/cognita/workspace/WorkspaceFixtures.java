package io.cognita.workspace;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Orgs as workspace-service knows them (its event-fed view written directly, for tests that are not about the
 * feed), and workspaces made through the API.
 */
@ApplicationScoped
public class WorkspaceFixtures {

    /** An org with an owner, an admin and two members, on a plan allowing {@code maxWorkspaces}. */
    public record Org(UUID id, String owner, String admin, String member, String otherMember) {
    }

    private final EntityManager em;

    public WorkspaceFixtures(EntityManager em) {
        this.em = em;
    }

    public Org org(int maxWorkspaces) {
        Org org = new Org(UUID.randomUUID(), TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId(),
                TestTokens.newUserId());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO org_profiles (org_id, entitlements, settings) VALUES (:o, CAST(:e AS jsonb), "
                    + "CAST('{}' AS jsonb))").setParameter("o", org.id())
                    .setParameter("e", "{\"maxWorkspaces\":" + maxWorkspaces + "}").executeUpdate();
            orgMember(org.id(), org.owner(), "owner");
            orgMember(org.id(), org.admin(), "admin");
            orgMember(org.id(), org.member(), "member");
            orgMember(org.id(), org.otherMember(), "member");
        });
        return org;
    }

    public void addOrgMember(UUID orgId, String userId, String role) {
        QuarkusTransaction.requiringNew().run(() -> orgMember(orgId, userId, role));
    }

    public void orgStatus(UUID orgId, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO org_status (org_id, status) VALUES (:o, :s) "
                + "ON CONFLICT (org_id) DO UPDATE SET status = EXCLUDED.status").setParameter("o", orgId)
                .setParameter("s", status).executeUpdate());
    }

    private void orgMember(UUID orgId, String userId, String role) {
        em.createNativeQuery("INSERT INTO org_memberships (org_id, user_id, role) VALUES (:o, :u, :r)")
                .setParameter("o", orgId).setParameter("u", userId).setParameter("r", role).executeUpdate();
    }

    public static String token(String userId) {
        return TestTokens.user(userId);
    }

    /** Creates a workspace as {@code userId}; returns its id. */
    public static String workspace(UUID orgId, String userId, String visibility) {
        return given().auth().oauth2(token(userId)).contentType(ContentType.JSON)
                .body("{\"name\":\"WS " + UUID.randomUUID() + "\",\"visibility\":\"" + visibility + "\"}")
                .when().post("/api/orgs/" + orgId + "/workspaces").then().statusCode(201).extract().path("data.workspaceId");
    }

    public static void addMember(String workspaceId, String asUser, String userId, String role) {
        given().auth().oauth2(token(asUser)).contentType(ContentType.JSON)
                .body("{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\"}")
                .when().post("/api/workspaces/" + workspaceId + "/members").then().statusCode(201);
    }
}
