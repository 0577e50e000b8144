package io.cognita.meeting.repository;

import io.cognita.meeting.domain.Meeting;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    /** The workspace's meetings, newest first, after the cursor. */
    public List<Meeting> page(UUID workspaceId, Instant afterCreated, UUID afterId, int limit) {
        return afterCreated == null
                ? find("workspaceId = ?1 order by createdAt desc, id desc", workspaceId).page(0, limit).list()
                : find("workspaceId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                workspaceId, afterCreated, afterId).page(0, limit).list();
    }

    /** The meeting, locked until the transaction ends (state changes take turns). */
    public Optional<Meeting> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Meeting> ofWorkspace(UUID workspaceId) {
        return list("workspaceId", workspaceId);
    }

    public long deleteOfOrg(UUID orgId) {
        return delete("orgId", orgId);
    }
}
