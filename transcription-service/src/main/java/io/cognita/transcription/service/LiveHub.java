package io.cognita.transcription.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Translator;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's live sockets by meeting, and the frames for them: published through the {@link LiveFanOut} so that
 * listeners on every replica get them, delivered here to this replica's own. A listener who asked for another
 * language gets final segments translated (on a worker, never holding up the others); the meeting's end closes
 * every socket of it after an {@code ended} frame.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /** A socket as the hub sees it (the WebSocket edge implements it). */
    public interface Listener {
        UUID meetingId();

        /** The language the listener asked for and may have, or null. */
        String translateTo();

        /** Sends a text frame; a listener too far behind drops itself (SLOW_CONSUMER). */
        void send(String frame);

        /** Closes the socket after the frames already sent. */
        void end();
    }

    /** Fired in the transaction that saw the meeting end; the hub acts once it has committed. */
    public record MeetingEnded(UUID meetingId) {
    }

    private final Map<UUID, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final LiveFanOut fanOut;
    private final Translator translator;
    private final LiveTranslations translations;
    private final ObjectMapper json;
    private final String engine;
    private final AtomicLong lagMs = new AtomicLong();

    public LiveHub(LiveFanOut fanOut, Translator translator, LiveTranslations translations, ObjectMapper json,
                   @jakarta.inject.Named("live") io.cognita.transcription.domain.SpeechRecognizer live,
                   io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("cognita.live.streams.open", listeners,
                        l -> l.values().stream().mapToInt(Set::size).sum())
                .description("live sockets open on this replica (speakers and listeners)").register(meters);
        this.fanOut = fanOut;
        this.translator = translator;
        this.translations = translations;
        this.json = json;
        this.engine = live.name();
    }

    void start(@Observes StartupEvent ignored) {
        fanOut.subscribe(this::deliver);
    }

    public void join(Listener listener) {
        // added inside compute: a leave emptying the set at the same moment cannot drop it with the set
        listeners.compute(listener.meetingId(), (m, set) -> {
            Set<Listener> here = set == null ? ConcurrentHashMap.newKeySet() : set;
            here.add(listener);
            return here;
        });
    }

    public void leave(Listener listener) {
        listeners.computeIfPresent(listener.meetingId(), (m, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public int open() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    /** The sockets of one meeting that receive its frames here. */
    public int open(UUID meetingId) {
        Set<Listener> here = listeners.get(meetingId);
        return here == null ? 0 : here.size();
    }

    public void publish(UUID meetingId, ObjectNode frame) {
        try {
            fanOut.publish(meetingId, json.writeValueAsString(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far recognition runs behind the audio, as health frames report it. */
    public void lag(long ms) {
        lagMs.set(ms);
    }

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingEnded event) {
        ObjectNode frame = json.createObjectNode().put("type", "ended").put("meetingId", event.meetingId().toString());
        publish(event.meetingId(), frame);
    }

    private void deliver(UUID meetingId, String frame) {
        Set<Listener> here = listeners.get(meetingId);
        if (here == null || here.isEmpty()) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(frame);
        } catch (IOException e) {
            LOG.warnf("unreadable live frame for meeting %s dropped", meetingId);
            return;
        }
        boolean ended = "ended".equals(parsed.path("type").asText());
        boolean finalSegment = "segment".equals(parsed.path("type").asText()) && parsed.path("isFinal").asBoolean();
        String spoken = LanguagePair.primary(parsed.path("language").asText("en"));
        // a final is translated once per language asked for on this replica, whatever the number of listeners
        Map<String, List<Listener>> byLanguage = new HashMap<>();
        for (Listener listener : List.copyOf(here)) {
            String lang = listener.translateTo();
            if (lang != null && (ended || finalSegment && !lang.equals(spoken))) {
                byLanguage.computeIfAbsent(lang, l -> new ArrayList<>()).add(listener);
                continue;
            }
            listener.send(frame);
            if (ended) {
                listener.end();
            }
        }
        byLanguage.forEach((lang, group) -> {
            String key = meetingId + "/" + lang;
            if (ended) {
                // after the translations still on their way, never before them
                translations.after(key, () -> group.forEach(l -> {
                    l.send(frame);
                    l.end();
                }));
            } else {
                translations.submit(key, () -> sendAll(group, translated((ObjectNode) parsed.deepCopy(), lang, null)),
                        () -> sendAll(group, translated((ObjectNode) parsed.deepCopy(), lang, "TRANSLATION_BUSY")));
            }
        });
    }

    private static void sendAll(List<Listener> group, String frame) {
        group.forEach(l -> l.send(frame));
    }

    /** The final in {@code lang}; or, when translation failed or was refused, as spoken with a translationError. */
    private String translated(ObjectNode frame, String lang, String refusal) {
        String text = frame.path("text").asText();
        if (refusal != null) {
            frame.put("translationError", refusal);
        } else {
            try {
                String out = translator.translate(LanguagePair.of(frame.path("language").asText("en"), lang), List.of(text)).get(0);
                frame.put("sourceText", text).put("sourceLanguage", frame.path("language").asText()).put("text", out).put("language", lang);
            } catch (EngineUnavailableException | IllegalArgumentException e) {
                frame.put("translationError", "ENGINE_UNAVAILABLE");
            } catch (RuntimeException e) {
                LOG.warnf(e, "live translation into %s failed", lang);
                frame.put("translationError", "ENGINE_UNAVAILABLE");
            }
        }
        try {
            return json.writeValueAsString(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A socket's first health frame, once it has joined (and had its replay): from then on it misses no frame, so a
     * client that waits for it before speaking loses nothing, and one that reconnects asks for afterSeq.
     */
    public void greet(Listener listener) {
        listener.send(healthFrame());
    }

    @Scheduled(every = "${cognita.live.health-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void health() {
        if (listeners.isEmpty()) {
            return;
        }
        String frame = healthFrame();
        listeners.values().forEach(set -> set.forEach(l -> l.send(frame)));
    }

    private String healthFrame() {
        return "{\"type\":\"health\",\"engine\":\"" + engine + "\",\"lagMs\":" + lagMs.get() + "}";
    }
}
