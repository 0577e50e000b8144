package io.cognita.transcription.repository;

import io.cognita.transcription.domain.Translation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Translations and their segments; pending ones are claimed like recorded-transcription jobs. */
@ApplicationScoped
public class TranslationRepository {

    public record TranslatedSegment(long seq, String text) {
    }

    private final EntityManager em;

    public TranslationRepository(EntityManager em) {
        this.em = em;
    }

    /** Holds the org's translation requests one at a time until the transaction ends (concurrent requests wait). */
    public void lockOrg(UUID orgId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('translations/' || CAST(:o AS text), 0))")
                .setParameter("o", orgId).getSingleResult();
    }

    public void create(UUID id, UUID transcriptId, String targetLanguage, String requestedBy, Instant now) {
        em.createNativeQuery("INSERT INTO translations (id, transcript_id, target_language, status, requested_by, next_attempt_at, created_at) "
                        + "VALUES (:id, :t, :l, 'pending', :u, :n, :n)")
                .setParameter("id", id).setParameter("t", transcriptId).setParameter("l", targetLanguage).setParameter("u", requestedBy)
                .setParameter("n", Timestamp.from(now)).executeUpdate();
    }

    public Optional<Translation> find(UUID transcriptId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, transcript_id, target_language, status, failure_reason, created_at, completed_at "
                + "FROM translations WHERE id = :id AND transcript_id = :t").setParameter("id", id).setParameter("t", transcriptId).getResultList();
        return rows.stream().findFirst().map(r -> new Translation((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]), instant(r[6])));
    }

    public List<TranslatedSegment> segments(UUID translationId, long afterSeq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT seq, text FROM translation_segments WHERE translation_id = :id AND seq > :a "
                + "ORDER BY seq LIMIT :n").setParameter("id", translationId).setParameter("a", afterSeq).setParameter("n", limit).getResultList();
        return rows.stream().map(r -> new TranslatedSegment(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** The next pending translation, leased; its transcript id and target language. */
    public Optional<Translation> claim(Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE translations SET claimed_until = :until, attempts = attempts + 1 "
                        + "WHERE id = (SELECT id FROM translations WHERE status = 'pending' AND next_attempt_at <= :now "
                        + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING id, transcript_id, target_language, status, failure_reason, created_at, completed_at, attempts")
                .setParameter("until", Timestamp.from(now.plus(lease))).setParameter("now", Timestamp.from(now)).getResultList();
        return rows.stream().findFirst().map(r -> new Translation((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]), instant(r[6])));
    }

    public int attempts(UUID id) {
        return ((Number) em.createNativeQuery("SELECT attempts FROM translations WHERE id = :id").setParameter("id", id)
                .getSingleResult()).intValue();
    }

    public void addSegment(UUID translationId, long seq, String text) {
        em.createNativeQuery("INSERT INTO translation_segments (translation_id, seq, text) VALUES (:id, :s, :t) "
                        + "ON CONFLICT (translation_id, seq) DO UPDATE SET text = EXCLUDED.text")
                .setParameter("id", translationId).setParameter("s", seq).setParameter("t", text).executeUpdate();
    }

    /** Ends a pending translation; false when it had ended already (another worker whose lease overlapped). */
    public boolean finish(UUID id, String status, String failureReason, Instant now) {
        return em.createNativeQuery("UPDATE translations SET status = :s, failure_reason = :f, completed_at = :n, claimed_until = NULL "
                        + "WHERE id = :id AND status = 'pending'")
                .setParameter("s", status).setParameter("f", failureReason).setParameter("n", Timestamp.from(now)).setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** The languages the org's transcripts are translated into (pending or completed), as requested. */
    public List<String> targetLanguagesOfOrg(UUID orgId) {
        @SuppressWarnings("unchecked")
        List<String> languages = em.createNativeQuery("SELECT DISTINCT tr.target_language FROM translations tr JOIN transcripts t "
                        + "ON t.id = tr.transcript_id WHERE t.org_id = :o AND tr.status IN ('pending', 'completed')")
                .setParameter("o", orgId).getResultList();
        return languages;
    }

    /** The transcript's translation into this language that is pending or completed, if any (asked again, it is the answer). */
    public Optional<Translation> current(UUID transcriptId, String targetLanguage) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM translations WHERE transcript_id = :t AND lower(target_language) = lower(:l) "
                        + "AND status IN ('pending', 'completed') ORDER BY created_at DESC LIMIT 1")
                .setParameter("t", transcriptId).setParameter("l", targetLanguage).getResultList();
        return ids.stream().findFirst().flatMap(id -> find(transcriptId, id));
    }

    public void retryAt(UUID id, String error, Instant next) {
        em.createNativeQuery("UPDATE translations SET claimed_until = NULL, failure_reason = :f, next_attempt_at = :n WHERE id = :id "
                        + "AND status = 'pending'")
                .setParameter("f", error).setParameter("n", Timestamp.from(next)).setParameter("id", id).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }
}
