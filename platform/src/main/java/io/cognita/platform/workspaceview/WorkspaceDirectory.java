package io.cognita.platform.workspaceview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's view of workspaces and their members, fed by cognita.workspace (meeting-service through its own feed,
 * which also deletes meetings; others through {@link WorkspaceViewFeed}). The tables come from the
 * {@code db/workspaceview} migration, which a service adds to its Flyway locations.
 */
@ApplicationScoped
public class WorkspaceDirectory {

    public record KnownWorkspace(UUID workspaceId, UUID orgId, String visibility) {
    }

    private final EntityManager em;

    public WorkspaceDirectory(EntityManager em) {
        this.em = em;
    }

    public Optional<KnownWorkspace> workspace(UUID workspaceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT org_id, visibility FROM workspace_view WHERE workspace_id = :w")
                .setParameter("w", workspaceId).getResultList();
        return rows.stream().findFirst().map(r -> new KnownWorkspace(workspaceId, (UUID) r[0], (String) r[1]));
    }

    /** The user's workspace role (admin, member), if a member. */
    public Optional<String> role(UUID workspaceId, String userId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT role FROM workspace_member_view WHERE workspace_id = :w AND user_id = :u")
                .setParameter("w", workspaceId).setParameter("u", userId).getResultList();
        return rows.stream().findFirst();
    }

    public void upsertWorkspace(UUID workspaceId, UUID orgId, String visibility) {
        em.createNativeQuery("INSERT INTO workspace_view (workspace_id, org_id, visibility, updated_at) VALUES (:w, :o, :v, now()) "
                        + "ON CONFLICT (workspace_id) DO UPDATE SET visibility = EXCLUDED.visibility, updated_at = now()")
                .setParameter("w", workspaceId).setParameter("o", orgId).setParameter("v", visibility).executeUpdate();
    }

    public void removeWorkspace(UUID workspaceId) {
        em.createNativeQuery("DELETE FROM workspace_member_view WHERE workspace_id = :w").setParameter("w", workspaceId).executeUpdate();
        em.createNativeQuery("DELETE FROM workspace_view WHERE workspace_id = :w").setParameter("w", workspaceId).executeUpdate();
    }

    public void upsertMember(UUID workspaceId, String userId, String role) {
        em.createNativeQuery("INSERT INTO workspace_member_view (workspace_id, user_id, role) VALUES (:w, :u, :r) "
                        + "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role")
                .setParameter("w", workspaceId).setParameter("u", userId).setParameter("r", role).executeUpdate();
    }

    public void removeMember(UUID workspaceId, String userId) {
        em.createNativeQuery("DELETE FROM workspace_member_view WHERE workspace_id = :w AND user_id = :u")
                .setParameter("w", workspaceId).setParameter("u", userId).executeUpdate();
    }

    public void removeOrg(UUID orgId) {
        em.createNativeQuery("DELETE FROM workspace_member_view WHERE workspace_id IN "
                + "(SELECT workspace_id FROM workspace_view WHERE org_id = :o)").setParameter("o", orgId).executeUpdate();
        em.createNativeQuery("DELETE FROM workspace_view WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
    }
}
