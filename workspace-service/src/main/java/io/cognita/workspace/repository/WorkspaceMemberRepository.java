package io.cognita.workspace.repository;

import io.cognita.workspace.domain.WorkspaceMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WorkspaceMemberRepository implements PanacheRepositoryBase<WorkspaceMember, WorkspaceMember.Key> {

    public Optional<WorkspaceMember> membership(UUID workspaceId, String userId) {
        return findByIdOptional(new WorkspaceMember.Key(workspaceId, userId));
    }

    public List<WorkspaceMember> page(UUID workspaceId, String afterUserId, int limit) {
        return afterUserId == null
                ? find("workspaceId = ?1 order by userId", workspaceId).page(0, limit).list()
                : find("workspaceId = ?1 and userId > ?2 order by userId", workspaceId, afterUserId).page(0, limit).list();
    }

    /** Member counts of the given workspaces (absent: none). */
    public Map<UUID, Long> counts(Collection<UUID> workspaceIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (workspaceIds.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("select m.workspaceId, count(m) from WorkspaceMember m where m.workspaceId in :ids "
                        + "group by m.workspaceId", Object[].class)
                .setParameter("ids", workspaceIds).getResultList()
                .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }

    /** The user's memberships among the given workspaces, by workspace id. */
    public Map<UUID, WorkspaceMember> ofUserIn(String userId, Collection<UUID> workspaceIds) {
        Map<UUID, WorkspaceMember> found = new HashMap<>();
        if (!workspaceIds.isEmpty()) {
            list("userId = ?1 and workspaceId in ?2", userId, workspaceIds).forEach(m -> found.put(m.workspaceId, m));
        }
        return found;
    }

    /** The memberships a user holds in the workspaces of one org. */
    public List<WorkspaceMember> ofUserInOrg(String userId, UUID orgId) {
        return getEntityManager().createQuery("select m from WorkspaceMember m, Workspace w where m.workspaceId = w.id "
                        + "and m.userId = :u and w.orgId = :o", WorkspaceMember.class)
                .setParameter("u", userId).setParameter("o", orgId).getResultList();
    }

    public List<WorkspaceMember> ofUser(String userId) {
        return list("userId", userId);
    }
}
