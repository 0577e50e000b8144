package io.cognita.transcription.service;

import io.cognita.platform.api.Page;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Segment;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.domain.Translation;
import io.cognita.transcription.domain.Translator;
import io.cognita.transcription.repository.MeetingDirectory;
import io.cognita.transcription.repository.TranscriptRepository;
import io.cognita.transcription.domain.SegmentQuery;
import io.cognita.transcription.repository.TranslationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading transcripts and their segments, exporting subtitles, asking for translations. */
@ApplicationScoped
public class TranscriptService {

    /** Subtitle exports are whole transcripts up to this many segments (about 14 hours of speech). */
    static final int EXPORT_MAX = 20_000;

    private final TranscriptRepository transcripts;
    private final TranslationRepository translations;
    private final MeetingDirectory meetings;
    private final TranscriptAccess access;
    private final Translator translator;
    private final Clock clock;
    private final TranslationEntitlements entitlements;

    public TranscriptService(TranscriptRepository transcripts, TranslationRepository translations, MeetingDirectory meetings,
                             TranscriptAccess access, Translator translator, Clock clock,
                             TranslationEntitlements entitlements) {
        this.entitlements = entitlements;
        this.transcripts = transcripts;
        this.translations = translations;
        this.meetings = meetings;
        this.access = access;
        this.translator = translator;
        this.clock = clock;
    }

    @Transactional
    public TranscriptView get(UUID id) {
        Transcript t = readable(id);
        return TranscriptView.of(t);
    }

    /** The meeting's transcripts, newest first. */
    @Transactional
    public Page<TranscriptView> ofMeeting(UUID meetingId, PageRequest page) {
        var meeting = meetings.meeting(meetingId).orElseThrow(() -> TranscriptAccess.meetingNotFound(meetingId));
        access.requireMeetingReadable(meeting);
        List<Transcript> rows = transcripts.ofMeeting(meetingId, page.limit() + 1, page.instantAfter(0), page.uuidAfter(1));
        boolean more = rows.size() > page.limit();
        List<Transcript> items = more ? rows.subList(0, page.limit()) : rows;
        Transcript last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items.stream().map(TranscriptView::of).toList(), page.limit(),
                more ? PageRequest.cursor(last.createdAt().toString(), last.id().toString()) : null);
    }

    /** Segments in order, or by rank with a full-text query; cursor paged. */
    @Transactional
    public Page<SegmentView> segments(UUID id, SegmentQuery filter, PageRequest page) {
        Transcript t = readable(id);
        boolean search = filter.text() != null;
        Long afterSeq = page.after() == null ? null : parseLong(page.textAfter(1));
        Float afterRank = search && page.after() != null ? parseFloat(page.textAfter(0)) : null;
        List<Segment> rows = transcripts.segments(t.id(), filter, t.language(), page.limit() + 1, afterSeq, afterRank);
        boolean more = rows.size() > page.limit();
        List<Segment> items = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            Segment last = items.get(items.size() - 1);
            next = search ? PageRequest.cursor(Float.toString(last.rank()), Long.toString(last.seq()))
                    : PageRequest.cursor("s", Long.toString(last.seq()));
        }
        return new Page<>(items.stream().map(SegmentView::of).toList(), page.limit(), next);
    }

    /** The cursor's key parts: rank and seq with a query, a marker and seq without. */
    public static int cursorParts() {
        return 2;
    }

    /** The filtered segments (up to {@link #EXPORT_MAX}) as WebVTT or SubRip. */
    @Transactional
    public String export(UUID id, SegmentQuery filter, String format) {
        Transcript t = readable(id);
        SegmentQuery inOrder = new SegmentQuery(filter.speaker(), filter.fromMs(), filter.toMs(), null);
        List<Segment> all = transcripts.segments(t.id(), inOrder, t.language(), EXPORT_MAX, null, null);
        return "srt".equals(format) ? SubtitleWriter.srt(all) : SubtitleWriter.vtt(all);
    }

    /** Asks for a translation: 202, done by the {@link TranslationWorker}. */
    @Transactional
    public TranslationView requestTranslation(UUID transcriptId, String targetLanguage) {
        Transcript t = readable(transcriptId);
        access.requireMayTranslate(t);
        java.util.Set<LanguagePair> pairs; // asked before the lock: a remote engine's answer is never awaited under it
        try {
            pairs = translator.pairs();
        } catch (EngineUnavailableException e) {
            pairs = null;
        }
        translations.lockOrg(t.orgId()); // the plan's count of languages is checked and taken in one step, per org
        String refusal = entitlements.translationRefusal(t.orgId(), targetLanguage);
        if (refusal != null) {
            throw new ProblemException(403, "TRANSLATION_NOT_ALLOWED", "Translation not allowed",
                    "No translation into " + targetLanguage + ": " + refusal + ".", List.of(), java.util.Map.of());
        }
        LanguagePair pair = LanguagePair.of(t.language(), targetLanguage);
        if (pairs == null) {
            throw new ProblemException(503, "ENGINE_UNAVAILABLE", "Translation engine unavailable",
                    "The translation engine is unavailable; retry shortly.");
        }
        if (!pairs.contains(pair)) {
            String supported = pairs.stream().filter(p -> p.source().equals(pair.source())).map(LanguagePair::target)
                    .collect(Collectors.toCollection(TreeSet::new)).toString();
            throw new ProblemException(422, "LANGUAGE_PAIR_UNSUPPORTED", "Language pair unsupported",
                    "No translation from " + pair.source() + " to " + pair.target() + "; from " + pair.source() + " the engine ("
                            + translator.name() + ") translates to " + supported + ".",
                    List.of(new FieldError("targetLanguage", "supported from " + pair.source() + ": " + supported)), java.util.Map.of());
        }
        if (!"completed".equals(t.status())) {
            throw new ProblemException(409, "TRANSCRIPT_NOT_COMPLETED", "Transcript not completed",
                    "Transcript " + t.id() + " is " + t.status() + "; a translation is of a completed transcript (a live one "
                            + "completes when its meeting ends; live listeners ask for lang= instead).", List.of(), java.util.Map.of());
        }
        Optional<Translation> current = translations.current(t.id(), targetLanguage);
        if (current.isPresent()) {
            // asked again (a retried request, another member): the translation already under way or done
            return translation(transcriptId, current.get().id());
        }
        UUID id = UUID.randomUUID();
        translations.create(id, t.id(), targetLanguage, access.actor(), clock.instant());
        Translation created = translations.find(t.id(), id).orElseThrow();
        return TranslationView.of(created, t.language(), List.of());
    }

    @Transactional
    public TranslationView translation(UUID transcriptId, UUID translationId) {
        Transcript t = readable(transcriptId);
        Translation tr = translations.find(t.id(), translationId).orElseThrow(() -> ProblemException.notFound("TRANSLATION_NOT_FOUND",
                "Translation not found", "No translation " + translationId + " of transcript " + transcriptId + "."));
        List<TranslationView.TranslatedSegmentView> segments = new ArrayList<>();
        if ("completed".equals(tr.status())) {
            Map<Long, Segment> originals = transcripts.segments(t.id(), SegmentQuery.ALL, t.language(),
                    EXPORT_MAX, null, null).stream().collect(Collectors.toMap(Segment::seq, Function.identity()));
            for (var s : translations.segments(tr.id(), 0, EXPORT_MAX)) {
                Segment original = originals.get(s.seq());
                if (original != null) {
                    segments.add(new TranslationView.TranslatedSegmentView(s.seq(), original.startMs(), original.endMs(), s.text()));
                }
            }
        }
        return TranslationView.of(tr, t.language(), segments);
    }

    private Transcript readable(UUID id) {
        Transcript t = transcripts.find(id).orElseThrow(() -> TranscriptAccess.transcriptNotFound(id));
        access.requireReadable(t);
        return t;
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static Float parseFloat(String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.badRequest("INVALID_CURSOR", "The cursor is not one this endpoint issued; start again without it.",
                List.of(new FieldError("cursor", "is not a cursor this endpoint issued")));
    }
}
