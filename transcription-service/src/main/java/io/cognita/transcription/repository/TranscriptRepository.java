package io.cognita.transcription.repository;

import io.cognita.transcription.domain.Segment;
import io.cognita.transcription.domain.SegmentQuery;
import io.cognita.transcription.domain.Transcript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Transcripts and their final segments (native SQL: full-text search and the seq counter are PostgreSQL's). */
@ApplicationScoped
public class TranscriptRepository {

    private static final String COLUMNS = "id, meeting_id, workspace_id, org_id, source, recording_id, language, status, "
            + "failure_reason, duration_ms, last_seq, created_at, updated_at, completed_at";

    /** PostgreSQL's text-search configurations by language (others: 'simple', no stemming). */
    private static final Map<String, String> SEARCH_CONFIGS = Map.ofEntries(Map.entry("en", "english"),
            Map.entry("es", "spanish"), Map.entry("fr", "french"), Map.entry("de", "german"), Map.entry("it", "italian"),
            Map.entry("pt", "portuguese"), Map.entry("nl", "dutch"), Map.entry("sv", "swedish"), Map.entry("da", "danish"),
            Map.entry("fi", "finnish"), Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"), Map.entry("ru", "russian"),
            Map.entry("tr", "turkish"), Map.entry("hu", "hungarian"), Map.entry("ro", "romanian"), Map.entry("ga", "irish"),
            Map.entry("el", "greek"), Map.entry("id", "indonesian"), Map.entry("lt", "lithuanian"), Map.entry("ar", "arabic"));

    private final EntityManager em;

    public TranscriptRepository(EntityManager em) {
        this.em = em;
    }

    public static String searchConfig(String language) {
        String primary = Locale.forLanguageTag(language).getLanguage();
        return SEARCH_CONFIGS.getOrDefault(primary, "simple");
    }

    public Optional<Transcript> find(UUID id) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + " FROM transcripts WHERE id = :id").setParameter("id", id)).stream().findFirst();
    }

    public Optional<Transcript> liveOf(UUID meetingId) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + " FROM transcripts WHERE meeting_id = :m AND source = 'live'")
                .setParameter("m", meetingId)).stream().findFirst();
    }

    /** The meeting's live transcript, created on first use. */
    public Transcript liveTranscript(UUID meetingId, UUID workspaceId, UUID orgId, String language, Instant now) {
        em.createNativeQuery("INSERT INTO transcripts (id, meeting_id, workspace_id, org_id, source, language, status, created_at, updated_at) "
                        + "VALUES (:id, :m, :w, :o, 'live', :l, 'live', :t, :t) ON CONFLICT (meeting_id) WHERE source = 'live' DO NOTHING")
                .setParameter("id", UUID.randomUUID()).setParameter("m", meetingId).setParameter("w", workspaceId)
                .setParameter("o", orgId).setParameter("l", language).setParameter("t", Timestamp.from(now)).executeUpdate();
        return liveOf(meetingId).orElseThrow();
    }

    /** A recording's transcript, pending; false when it exists already (a redelivered event). */
    public boolean createForRecording(UUID id, UUID meetingId, UUID workspaceId, UUID orgId, UUID recordingId, String language, Instant now) {
        return em.createNativeQuery("INSERT INTO transcripts (id, meeting_id, workspace_id, org_id, source, recording_id, language, status, "
                        + "created_at, updated_at) VALUES (:id, :m, :w, :o, 'recording', :r, :l, 'pending', :t, :t) ON CONFLICT (recording_id) DO NOTHING")
                .setParameter("id", id).setParameter("m", meetingId).setParameter("w", workspaceId).setParameter("o", orgId)
                .setParameter("r", recordingId).setParameter("l", language).setParameter("t", Timestamp.from(now)).executeUpdate() == 1;
    }

    public List<Transcript> ofMeeting(UUID meetingId, int limit, Instant afterCreated, UUID afterId) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM transcripts WHERE meeting_id = :m"
                + (afterId == null ? "" : " AND (created_at, id) < (:c, :i)") + " ORDER BY created_at DESC, id DESC LIMIT :n")
                .setParameter("m", meetingId).setParameter("n", limit);
        if (afterId != null) {
            q.setParameter("c", Timestamp.from(afterCreated)).setParameter("i", afterId);
        }
        return list(q);
    }

    public void status(UUID id, String status, String failureReason, Instant now) {
        em.createNativeQuery("UPDATE transcripts SET status = :s, failure_reason = :f, updated_at = :t, "
                        + "completed_at = CASE WHEN :s IN ('completed', 'failed') THEN :t ELSE completed_at END WHERE id = :id")
                .setParameter("s", status).setParameter("f", failureReason).setParameter("t", Timestamp.from(now))
                .setParameter("id", id).executeUpdate();
    }

    /**
     * Appends a final segment: the next seq of the transcript, taken under its row lock (gap-free across replicas);
     * -1, and nothing written, when the transcript has ended (completed or failed).
     */
    public long append(UUID transcriptId, UUID segmentId, String speakerUserId, String speakerLabel, long startMs, long endMs,
                       String text, Double confidence, String language, Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> taken = em.createNativeQuery("UPDATE transcripts SET last_seq = last_seq + 1, updated_at = :t, "
                        + "duration_ms = GREATEST(duration_ms, :e) WHERE id = :id AND status NOT IN ('completed', 'failed') RETURNING last_seq")
                .setParameter("t", Timestamp.from(now)).setParameter("e", endMs).setParameter("id", transcriptId).getResultList();
        if (taken.isEmpty()) {
            return -1;
        }
        Number seq = taken.get(0);
        String config = searchConfig(language);
        em.createNativeQuery("INSERT INTO segments (transcript_id, seq, segment_id, speaker_user_id, speaker_label, start_ms, end_ms, text, "
                        + "confidence, language, search_config, search, created_at) VALUES (:tr, :seq, :sid, :u, :lbl, :s, :e, :txt, :c, :l, "
                        + "CAST(:cfg AS regconfig), to_tsvector(CAST(:cfg AS regconfig), :txt), :t)")
                .setParameter("tr", transcriptId).setParameter("seq", seq.longValue()).setParameter("sid", segmentId)
                .setParameter("u", speakerUserId).setParameter("lbl", speakerLabel).setParameter("s", startMs).setParameter("e", endMs)
                .setParameter("txt", text).setParameter("c", confidence).setParameter("l", language).setParameter("cfg", config)
                .setParameter("t", Timestamp.from(now)).executeUpdate();
        return seq.longValue();
    }

    /**
     * Segments in seq order, or by full-text rank (then seq) when {@code text} is given; after the cursor position
     * ({@code afterRank} only with text).
     */
    /** Matches between control characters, never HTML: the text is spoken words, escaped before markup is added. */
    private static final String HEADLINE = "StartSel=" + Segment.MATCH_START + ", StopSel=" + Segment.MATCH_END + ", MaxFragments=2";

    public List<Segment> segments(UUID transcriptId, SegmentQuery filter, String language, int limit, Long afterSeq, Float afterRank) {
        boolean search = filter.text() != null;
        StringBuilder sql = new StringBuilder("SELECT transcript_id, seq, segment_id, speaker_user_id, speaker_label, start_ms, end_ms, text, "
                + "confidence, language");
        if (search) {
            sql.append(", ts_rank(search, query) AS rank, ts_headline(search_config, text, query, "
                    + ":headline) FROM segments, websearch_to_tsquery(CAST(:cfg AS regconfig), :q) query");
        } else {
            sql.append(", CAST(NULL AS real), CAST(NULL AS text) FROM segments");
        }
        sql.append(" WHERE transcript_id = :tr");
        if (search) {
            sql.append(" AND search @@ query");
        }
        if (filter.speaker() != null) {
            sql.append(" AND speaker_user_id = :sp");
        }
        if (filter.fromMs() != null) {
            sql.append(" AND end_ms >= :from");
        }
        if (filter.toMs() != null) {
            sql.append(" AND start_ms <= :to");
        }
        if (afterSeq != null) {
            sql.append(search ? " AND (ts_rank(search, query) < :ar OR (ts_rank(search, query) = :ar AND seq > :as))" : " AND seq > :as");
        }
        sql.append(search ? " ORDER BY rank DESC, seq" : " ORDER BY seq").append(" LIMIT :n");
        Query q = em.createNativeQuery(sql.toString()).setParameter("tr", transcriptId).setParameter("n", limit);
        if (search) {
            q.setParameter("cfg", searchConfig(language)).setParameter("q", filter.text()).setParameter("headline", HEADLINE);
        }
        if (filter.speaker() != null) {
            q.setParameter("sp", filter.speaker());
        }
        if (filter.fromMs() != null) {
            q.setParameter("from", filter.fromMs());
        }
        if (filter.toMs() != null) {
            q.setParameter("to", filter.toMs());
        }
        if (afterSeq != null) {
            q.setParameter("as", afterSeq);
            if (search) {
                q.setParameter("ar", afterRank);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Segment((UUID) r[0], ((Number) r[1]).longValue(), (UUID) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7], r[8] == null ? null : ((Number) r[8]).doubleValue(),
                (String) r[9], r[10] == null ? null : ((Number) r[10]).floatValue(), (String) r[11])).toList();
    }

    /** Every final segment after {@code afterSeq}, in order (a reconnecting client's replay; the recorded path's export). */
    public List<Segment> finalsAfter(UUID transcriptId, long afterSeq, int limit) {
        return segments(transcriptId, SegmentQuery.ALL, "en", limit, afterSeq, null);
    }

    /** A speaker stream's minutes, once (1), or 0 when this stream was recorded already. */
    public int recordLiveUsage(UUID streamId, UUID meetingId, String userId, long audioMs, Timestamp at) {
        return em.createNativeQuery("INSERT INTO live_usage (stream_id, meeting_id, user_id, audio_ms, created_at) VALUES (:s, :m, :u, :a, :t) "
                        + "ON CONFLICT (stream_id) DO NOTHING").setParameter("s", streamId).setParameter("m", meetingId)
                .setParameter("u", userId).setParameter("a", audioMs).setParameter("t", at).executeUpdate();
    }

    public void anonymiseSpeaker(String userId) {
        em.createNativeQuery("UPDATE segments SET speaker_user_id = NULL, speaker_label = 'Former member' WHERE speaker_user_id = :u")
                .setParameter("u", userId).executeUpdate();
    }

    /**
     * Transcripts of the org created before the cutoff, deleted with their segments and translations; not those of
     * a meeting still live (its transcript is still being written).
     */
    public int deleteOlderThan(UUID orgId, Instant cutoff) {
        return em.createNativeQuery("DELETE FROM transcripts t WHERE t.org_id = :o AND t.created_at < :c AND NOT EXISTS "
                        + "(SELECT 1 FROM meeting_view m WHERE m.meeting_id = t.meeting_id AND m.status = 'live')")
                .setParameter("o", orgId).setParameter("c", Timestamp.from(cutoff)).executeUpdate();
    }

    public int deleteOfOrg(UUID orgId) {
        return em.createNativeQuery("DELETE FROM transcripts WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
    }

    public int deleteOfWorkspace(UUID workspaceId) {
        return em.createNativeQuery("DELETE FROM transcripts WHERE workspace_id = :w").setParameter("w", workspaceId).executeUpdate();
    }

    /** Orgs that have transcripts (the retention job's list). */
    public List<UUID> orgs() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT DISTINCT org_id FROM transcripts").getResultList();
        return ids;
    }

    private List<Transcript> list(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Transcript((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (UUID) r[5],
                (String) r[6], (String) r[7], (String) r[8], ((Number) r[9]).longValue(), ((Number) r[10]).longValue(),
                instant(r[11]), instant(r[12]), instant(r[13]))).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
