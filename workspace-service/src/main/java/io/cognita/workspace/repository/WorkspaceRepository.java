package io.cognita.workspace.repository;

import io.cognita.workspace.domain.Visibility;
import io.cognita.workspace.domain.Workspace;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class WorkspaceRepository implements PanacheRepositoryBase<Workspace, UUID> {

    /**
     * The org's workspaces, newest first, after the cursor ({@code afterCreated}, {@code afterId}). With a
     * {@code viewer}, only those visible to the whole org or of which the viewer is a member.
     */
    public List<Workspace> page(UUID orgId, String viewer, Instant afterCreated, UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("select w from Workspace w where w.orgId = :org");
        Map<String, Object> params = new HashMap<>(Map.of("org", orgId));
        if (viewer != null) {
            q.append(" and (w.visibility = :orgVisible or exists (select 1 from WorkspaceMember m "
                    + "where m.workspaceId = w.id and m.userId = :viewer))");
            params.put("orgVisible", Visibility.ORG);
            params.put("viewer", viewer);
        }
        if (afterCreated != null) {
            q.append(" and (w.createdAt < :t or (w.createdAt = :t and w.id < :id))");
            params.put("t", afterCreated);
            params.put("id", afterId);
        }
        q.append(" order by w.createdAt desc, w.id desc");
        var query = getEntityManager().createQuery(q.toString(), Workspace.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    public long countInOrg(UUID orgId) {
        return count("orgId", orgId);
    }

    public List<Workspace> ofOrg(UUID orgId) {
        return list("orgId", orgId);
    }

    /** Makes sure the org has a quota row and locks it until the transaction ends: creates in one org take turns. */
    public void lockQuota(UUID orgId) {
        getEntityManager().createNativeQuery("INSERT INTO org_workspace_quota (org_id) VALUES (:o) ON CONFLICT DO NOTHING")
                .setParameter("o", orgId).executeUpdate();
        getEntityManager().createNativeQuery("SELECT org_id FROM org_workspace_quota WHERE org_id = :o FOR UPDATE")
                .setParameter("o", orgId).getResultList();
    }

    public void forgetQuota(UUID orgId) {
        getEntityManager().createNativeQuery("DELETE FROM org_workspace_quota WHERE org_id = :o")
                .setParameter("o", orgId).executeUpdate();
    }
}
