package io.cognita.transcription.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded-transcription jobs: claimed one at a time with {@code FOR UPDATE SKIP LOCKED} and a lease
 * ({@code claimed_until}), so that replicas never take the same job and a replica that dies mid-job leaves it
 * to the next one once the lease runs out.
 */
@ApplicationScoped
public class JobRepository {

    /** A claimed job; {@code lease} fences what this claim may still write (a later claim has another). */
    public record Job(UUID recordingId, UUID transcriptId, String readPath, String contentType, long sizeBytes, String sha256, int attempts,
                      Instant lease) {
    }

    private final EntityManager em;

    public JobRepository(EntityManager em) {
        this.em = em;
    }

    public void create(UUID recordingId, UUID transcriptId, String readPath, String contentType, long sizeBytes, String sha256,
                       Instant now) {
        em.createNativeQuery("INSERT INTO transcription_jobs (recording_id, transcript_id, read_path, content_type, size_bytes, sha256, "
                        + "next_attempt_at) VALUES (:r, :t, :p, :c, :s, :h, :n) ON CONFLICT (recording_id) DO NOTHING")
                .setParameter("h", sha256)
                .setParameter("r", recordingId).setParameter("t", transcriptId).setParameter("p", readPath).setParameter("c", contentType)
                .setParameter("s", sizeBytes).setParameter("n", Timestamp.from(now)).executeUpdate();
    }

    /** The next due job, leased until now + lease and counted as an attempt. */
    public Optional<Job> claim(Instant now, Duration lease) {
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, for the fence
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE transcription_jobs SET claimed_until = :until, attempts = attempts + 1 "
                        + "WHERE recording_id = (SELECT recording_id FROM transcription_jobs WHERE NOT done AND next_attempt_at <= :now "
                        + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING recording_id, transcript_id, read_path, content_type, size_bytes, sha256, attempts")
                .setParameter("until", Timestamp.from(until)).setParameter("now", Timestamp.from(now)).getResultList();
        return rows.stream().findFirst().map(r -> new Job((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), (String) r[5], ((Number) r[6]).intValue(), until));
    }

    /** The claim held longer (a long recording): the job with its new lease, or empty when the claim was lost. */
    public Optional<Job> extend(Job job, Instant until) {
        Instant lease = until.truncatedTo(ChronoUnit.MICROS);
        int updated = fenced("UPDATE transcription_jobs SET claimed_until = :until", job).setParameter("until", Timestamp.from(lease))
                .executeUpdate();
        return updated == 1 ? Optional.of(new Job(job.recordingId(), job.transcriptId(), job.readPath(), job.contentType(), job.sizeBytes(),
                job.sha256(), job.attempts(), lease)) : Optional.empty();
    }

    /** Marks the job done if this claim still holds it; false when its lease passed and another claim took it. */
    public boolean done(Job job) {
        return fenced("UPDATE transcription_jobs SET done = true, claimed_until = NULL, last_error = NULL", job).executeUpdate() == 1;
    }

    /** A failed attempt: retried at {@code nextAttempt}, or given up ({@code giveUp}); only while this claim holds it. */
    public boolean failed(Job job, String error, Instant nextAttempt, boolean giveUp) {
        return fenced("UPDATE transcription_jobs SET claimed_until = NULL, last_error = :e, next_attempt_at = :n, done = :d", job)
                .setParameter("e", error).setParameter("n", Timestamp.from(nextAttempt)).setParameter("d", giveUp)
                .executeUpdate() == 1;
    }

    private jakarta.persistence.Query fenced(String update, Job job) {
        return em.createNativeQuery(update + " WHERE recording_id = :r AND claimed_until = :lease AND NOT done")
                .setParameter("r", job.recordingId()).setParameter("lease", Timestamp.from(job.lease()));
    }
}
