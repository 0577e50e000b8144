package io.cognita.meeting.repository;

import io.cognita.meeting.domain.Recording;
import io.cognita.meeting.domain.Upload;
import io.cognita.meeting.domain.UploadPart;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Uploads, their parts, and the recordings they become. */
@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<Upload, UUID> {

    private final EntityManager em;

    public UploadRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Upload> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<UploadPart> parts(UUID uploadId) {
        return em.createQuery("select p from UploadPart p where p.uploadId = :u order by p.partNumber", UploadPart.class)
                .setParameter("u", uploadId).getResultList();
    }

    /** Records a received part, replacing an earlier copy of the same number. */
    public void savePart(UploadPart part) {
        UploadPart existing = em.find(UploadPart.class, new UploadPart.Key(part.uploadId, part.partNumber));
        if (existing != null) {
            existing.sizeBytes = part.sizeBytes;
            existing.sha256 = part.sha256;
            existing.etag = part.etag;
            existing.receivedAt = part.receivedAt;
        } else {
            em.persist(part);
        }
    }

    /** Uploads past their expiry that never completed (open, or stuck completing after a crash). */
    public List<Upload> expired(Instant now, int limit) {
        return find("status <> ?1 and expiresAt < ?2 order by expiresAt", Upload.COMPLETED, now).page(0, limit).list();
    }

    public List<Upload> unfinishedOfMeeting(UUID meetingId) {
        return list("meetingId = ?1 and status <> ?2", meetingId, Upload.COMPLETED);
    }

    /** Which of the meetings have an upload under way. */
    public java.util.Set<UUID> withOpenUploads(java.util.Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(em.createQuery("select distinct u.meetingId from Upload u where u.meetingId in :ids "
                + "and u.status <> :done", UUID.class).setParameter("ids", meetingIds).setParameter("done", Upload.COMPLETED)
                .getResultList());
    }

    /** The recordings of each meeting, oldest first. */
    public java.util.Map<UUID, List<Recording>> recordingsOf(java.util.Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select r from Recording r where r.meetingId in :ids order by r.createdAt", Recording.class)
                .setParameter("ids", meetingIds).getResultList().stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.meetingId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    public void persistRecording(Recording recording) {
        em.persist(recording);
    }

    public List<Recording> recordings(UUID meetingId) {
        return em.createQuery("select r from Recording r where r.meetingId = :m order by r.createdAt", Recording.class)
                .setParameter("m", meetingId).getResultList();
    }

    public Optional<Recording> recording(UUID recordingId) {
        return Optional.ofNullable(em.find(Recording.class, recordingId));
    }

    public List<Recording> recordingsOfOrgBefore(UUID orgId, Instant cutoff, int limit) {
        return em.createQuery("select r from Recording r where r.orgId = :o and r.createdAt < :c order by r.createdAt", Recording.class)
                .setParameter("o", orgId).setParameter("c", cutoff).setMaxResults(limit).getResultList();
    }

    public List<UUID> orgsWithRecordings() {
        return em.createQuery("select distinct r.orgId from Recording r", UUID.class).getResultList();
    }

    public List<Recording> recordingsOfOrg(UUID orgId) {
        return em.createQuery("select r from Recording r where r.orgId = :o", Recording.class).setParameter("o", orgId).getResultList();
    }

    public List<Upload> unfinishedOfOrg(UUID orgId) {
        return list("orgId = ?1 and status <> ?2", orgId, Upload.COMPLETED);
    }

    public void deleteRecording(Recording recording) {
        em.remove(recording);
    }
}
