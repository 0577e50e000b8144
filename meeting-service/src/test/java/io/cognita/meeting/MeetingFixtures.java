package io.cognita.meeting;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Orgs and workspaces as meeting-service knows them (its event-fed views written directly, for tests that are not
 * about the feeds), and meetings opened as workspace-service opens them.
 */
@ApplicationScoped
public class MeetingFixtures {

    /** An org (recordingConsent as given) with a workspace that has an admin and two members; one org member outside. */
    public record Setup(UUID orgId, UUID workspaceId, String orgOwner, String orgAdmin, String workspaceAdmin,
                        String host, String member, String outsider) {
    }

    private final EntityManager em;

    public MeetingFixtures(EntityManager em) {
        this.em = em;
    }

    public Setup setup(String recordingConsent, String visibility) {
        Setup s = new Setup(UUID.randomUUID(), UUID.randomUUID(), TestTokens.newUserId(), TestTokens.newUserId(),
                TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO org_profiles (org_id, settings, retention) VALUES (:o, CAST(:s AS jsonb), "
                            + "CAST('{\"recordings\":\"indefinite\"}' AS jsonb))").setParameter("o", s.orgId())
                    .setParameter("s", "{\"recordingConsent\":\"" + recordingConsent + "\"}").executeUpdate();
            orgMember(s.orgId(), s.orgOwner(), "owner");
            orgMember(s.orgId(), s.orgAdmin(), "admin");
            for (String u : new String[] {s.workspaceAdmin(), s.host(), s.member(), s.outsider()}) {
                orgMember(s.orgId(), u, "member");
            }
            em.createNativeQuery("INSERT INTO workspace_view (workspace_id, org_id, visibility) VALUES (:w, :o, :v)")
                    .setParameter("w", s.workspaceId()).setParameter("o", s.orgId()).setParameter("v", visibility).executeUpdate();
            workspaceMember(s.workspaceId(), s.workspaceAdmin(), "admin");
            workspaceMember(s.workspaceId(), s.host(), "member");
            workspaceMember(s.workspaceId(), s.member(), "member");
        });
        return s;
    }

    public void setting(UUID orgId, String json) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE org_profiles SET settings = CAST(:s AS jsonb) "
                + "WHERE org_id = :o").setParameter("s", json).setParameter("o", orgId).executeUpdate());
    }

    public void removeWorkspaceMember(UUID workspaceId, String userId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM workspace_member_view WHERE workspace_id = :w "
                + "AND user_id = :u").setParameter("w", workspaceId).setParameter("u", userId).executeUpdate());
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

    private void workspaceMember(UUID workspaceId, String userId, String role) {
        em.createNativeQuery("INSERT INTO workspace_member_view (workspace_id, user_id, role) VALUES (:w, :u, :r)")
                .setParameter("w", workspaceId).setParameter("u", userId).setParameter("r", role).executeUpdate();
    }

    public static String token(String userId) {
        return TestTokens.user(userId);
    }

    /** Opens a meeting hosted by {@code host}, as workspace-service does; returns its id. */
    public static String meeting(Setup s, String host, String scheduledFor) {
        return given().auth().oauth2(token(host)).contentType(ContentType.JSON)
                .body("{\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId() + "\",\"title\":\"Standup\""
                        + (scheduledFor == null ? "" : ",\"scheduledFor\":\"" + scheduledFor + "\"") + "}")
                .header("X-Cognita-Internal-Token", "dev-only-internal-token").when().post("/api/internal/meetings").then().statusCode(201).extract().path("data.meetingId");
    }

    public static void join(String meetingId, String userId, Boolean consent) {
        given().auth().oauth2(token(userId)).contentType(ContentType.JSON).body("{\"recordingConsent\":" + consent + "}")
                .when().post("/api/meetings/" + meetingId + "/join").then().statusCode(200);
    }
}
