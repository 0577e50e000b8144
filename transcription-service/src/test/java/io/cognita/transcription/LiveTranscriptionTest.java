package io.cognita.transcription;

import io.cognita.platform.testing.SpeechSamples;
import io.cognita.platform.testing.ApertiumCli;
import io.cognita.platform.testing.LiveClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

/** The live protocol on the service's own port (the gateway's part is in e2e). */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class LiveTranscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TranscriptionFixtures fixtures;

    @Inject
    io.cognita.transcription.service.LiveHub hub;

    @Inject
    @jakarta.inject.Named("live")
    io.cognita.transcription.engine.PocketSphinxRecognizer liveRecognizer;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "cognita.speech.max-streams")
    int maxStreams;

    private URI live(UUID meetingId, String query) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "api/transcription/live?meetingId=" + meetingId
                + (query.isEmpty() ? "" : "&" + query));
    }

    @Test
    void speechStreamedInRealTimeGivesPartialsThenFinalsCloseToTheScriptTranslatedForWhoAsked() {
        var s = fixtures.setup();
        byte[] pcm = SpeechSamples.scriptPcm();
        try (EventTap usage = new EventTap("cognita.transcription");
             LiveClient listener = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()));
             LiveClient spanish = LiveClient.connect(live(s.meetingId(), "role=listener&lang=es"), TestTokens.user(s.participant()));
             LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
            long start = System.nanoTime();
            for (int at = 0, frame = 0; at < pcm.length; at += 640, frame++) { // 20 ms of audio per frame, paced in real time
                LockSupport.parkNanos(start + frame * 20_000_000L - System.nanoTime());
                speaker.audio(pcm, at, Math.min(640, pcm.length - at));
            }
            await().atMost(WAIT).until(() -> listener.finals().size() == 3 && spanish.finals().size() == 3);

            List<JsonNode> segments = listener.frames("segment");
            JsonNode firstFinal = listener.finals().get(0);
            List<JsonNode> before = segments.subList(0, segments.indexOf(firstFinal));
            assertThat("partials before the first final", before.size(), greaterThan(0));
            int revision = 0;
            for (JsonNode partial : before) {
                assertThat(partial.path("isFinal").asBoolean(), equalTo(false));
                assertThat(partial.path("segmentId").asText(), equalTo(firstFinal.path("segmentId").asText()));
                assertThat(partial.path("revision").asInt(), greaterThan(revision));
                assertThat(partial.path("seq").isNull(), equalTo(true));
                revision = partial.path("revision").asInt();
            }
            assertThat(firstFinal.path("revision").asInt(), greaterThan(revision));
            assertThat(listener.finals().stream().map(f -> f.path("seq").asInt()).toList(), contains(1, 2, 3));
            assertThat(firstFinal.path("speaker").path("userId").asText(), equalTo(s.host()));
            String heard = String.join(" ", LiveClient.texts(listener.finals()));
            assertThat(heard, SpeechSamples.wordErrorRate(String.join(" ", SpeechSamples.SCRIPT), heard), lessThanOrEqualTo(0.25));

            for (JsonNode f : spanish.finals()) {
                assertThat(f.path("language").asText(), equalTo("es"));
                assertThat(f.path("text").asText(), equalTo(ApertiumCli.translate("eng-spa", f.path("sourceText").asText())));
            }
            assertThat(LiveClient.texts(spanish.finals()).get(0), not(equalTo(LiveClient.texts(listener.finals()).get(0))));
            assertThat("health frames while streaming", listener.frames("health").size(), greaterThanOrEqualTo(1));
            assertThat(listener.frames("health").get(0).path("engine").asText(), equalTo("pocketsphinx"));

            speaker.close();
            JsonNode billed = usage.await(e -> "usage.recorded".equals(e.path("type").asText())
                    && s.meetingId().toString().equals(e.path("data").path("meetingId").asText()), WAIT).orElseThrow();
            assertThat(billed.path("data").path("userId").asText(), equalTo(s.host()));
            assertThat(billed.path("data").path("quantity").asInt(), equalTo(1));
            assertThat(billed.path("data").path("audioMs").asLong(), equalTo(pcm.length / 32L));
        }
    }

    @Test
    void aReconnectWithAfterSeqReplaysExactlyTheMissingFinals() {
        var s = fixtures.setup();
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient listener = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()))) {
            for (int i = 1; i <= 4; i++) {
                speaker.caption("caption number " + i, true);
            }
            await().atMost(WAIT).until(() -> listener.finals().size() == 4);
        }
        try (LiveClient again = LiveClient.connect(live(s.meetingId(), "role=listener&afterSeq=2"), TestTokens.user(s.participant()))) {
            await().atMost(WAIT).until(() -> again.finals().size() == 2);
            assertThat(again.finals().stream().map(f -> f.path("seq").asInt()).toList(), contains(3, 4));
            assertThat(LiveClient.texts(again.finals()), contains("caption number 3", "caption number 4"));
        }
    }

    @Test
    void aBadFrameGetsAnErrorAndTheSocketGoesOn() {
        var s = fixtures.setup();
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient listener = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()))) {
            speaker.audio(new byte[3], 0, 3);
            speaker.awaitError("BAD_AUDIO_FRAME");
            speaker.audio(new byte[64_002], 0, 64_002);
            speaker.awaitError("FRAME_TOO_LARGE");
            speaker.text("not json");
            speaker.awaitError("BAD_FRAME");
            speaker.text("{\"type\":\"subtitle\"}");
            await().atMost(WAIT).until(() -> speaker.frames("error").size() == 4);
            speaker.text("{\"type\":\"caption\",\"text\":5}");
            speaker.awaitError("BAD_CAPTION");
            speaker.caption("   ", true);
            await().atMost(WAIT).until(() -> speaker.frames("error").size() == 6);
            speaker.caption("x".repeat(9000), true);
            await().atMost(WAIT).until(() -> speaker.frames("error").size() == 7);
            listener.caption("a listener speaks", true);
            listener.awaitError("NOT_A_SPEAKER");
            listener.audio(new byte[640], 0, 640);
            await().atMost(WAIT).until(() -> listener.frames("error").size() == 2);

            speaker.caption("still here", true);
            await().atMost(WAIT).until(() -> listener.finals().size() == 1);
            assertThat(listener.finals().get(0).path("text").asText(), equalTo("still here"));
            assertThat(listener.finals().get(0).path("seq").asInt(), equalTo(1));
            assertThat(speaker.isClosed() || listener.isClosed(), equalTo(false));
        }
    }

    @Test
    void onlyParticipantsOfALiveMeetingConnect() {
        var s = fixtures.setup();
        var other = fixtures.setup();
        Map<String, String> refused = new HashMap<>();
        refused.put("anonymous", refusal(live(s.meetingId(), "role=listener"), null));
        refused.put("bad token", refusal(live(s.meetingId(), "role=listener"), "not.a.token"));
        refused.put("another org's user", refusal(live(s.meetingId(), "role=listener"), TestTokens.user(other.host())));
        refused.put("joined but outside the private workspace", refusal(live(s.meetingId(), "role=listener"), TestTokens.user(s.outsider())));
        refused.put("workspace member who did not join", refusal(live(s.meetingId(), "role=listener"), TestTokens.user(s.absentMember())));
        refused.put("system admin", refusal(live(s.meetingId(), "role=listener"), TestTokens.systemAdmin()));
        refused.put("unknown meeting", refusal(live(UUID.randomUUID(), "role=listener"), TestTokens.user(s.host())));
        refused.put("bad meetingId", refusal(URI.create(live(s.meetingId(), "").toString().replaceFirst("meetingId=[^&]+", "meetingId=x")),
                TestTokens.user(s.host())));
        refused.put("bad role", refusal(live(s.meetingId(), "role=admin"), TestTokens.user(s.host())));
        refused.put("bad afterSeq", refusal(live(s.meetingId(), "afterSeq=-5"), TestTokens.user(s.host())));
        refused.put("listener without transcript:read", refusal(live(s.meetingId(), "role=listener"),
                TestTokens.withScope(s.participant(), "meeting:read")));
        refused.put("speaker without transcript:write", refusal(live(s.meetingId(), "role=speaker"),
                TestTokens.withScope(s.host(), "transcript:read")));
        assertThat(refused, equalTo(Map.ofEntries(Map.entry("anonymous", "UNAUTHORIZED"), Map.entry("bad token", "UNAUTHORIZED"),
                Map.entry("another org's user", "MEETING_NOT_FOUND"), Map.entry("joined but outside the private workspace", "MEETING_NOT_FOUND"),
                Map.entry("workspace member who did not join", "NOT_A_PARTICIPANT"), Map.entry("system admin", "NOT_A_PARTICIPANT"),
                Map.entry("unknown meeting", "MEETING_NOT_FOUND"), Map.entry("bad meetingId", "INVALID_QUERY"),
                Map.entry("bad role", "INVALID_QUERY"), Map.entry("bad afterSeq", "INVALID_QUERY"),
                Map.entry("listener without transcript:read", "FORBIDDEN"), Map.entry("speaker without transcript:write", "FORBIDDEN"))));

        String viaQuery = live(s.meetingId(), "role=listener&access_token=" + TestTokens.user(s.participant())).toString();
        try (LiveClient browser = LiveClient.connect(URI.create(viaQuery), null)) {
            browser.caption("hello", true);
            browser.awaitError("NOT_A_SPEAKER");
        }
        fixtures.meetingStatus(s.meetingId(), "ended");
        assertThat(refusal(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant())), equalTo("MEETING_NOT_LIVE"));
    }

    @Test
    void liveTranslationSaysWhichConditionFails() {
        var s = fixtures.setup();
        String token = TestTokens.user(s.participant());
        fixtures.org(s.orgId(), "entitlements", "{\"translationLanguages\":0}");
        assertThat(translationRefusal(s.meetingId(), "es", token), containsString("translationLanguages"));
        fixtures.org(s.orgId(), "entitlements", "{\"translationLanguages\":2}");
        fixtures.org(s.orgId(), "feature_flags", "{\"realTimeTranslation\":false}");
        assertThat(translationRefusal(s.meetingId(), "es", token), containsString("realTimeTranslation"));
        fixtures.org(s.orgId(), "settings", "{\"translationEnabled\":false}");
        assertThat(translationRefusal(s.meetingId(), "es", token), containsString("translationEnabled"));
        fixtures.org(s.orgId(), "settings", "{\"translationEnabled\":true}");
        fixtures.org(s.orgId(), "feature_flags", "{\"realTimeTranslation\":true}");
        assertThat(translationRefusal(s.meetingId(), "fr", token), containsString("no pair"));

        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient german = LiveClient.connect(live(s.meetingId(), "role=listener&lang=de"), token)) {
            german.awaitError("TRANSLATION_UNAVAILABLE");
            speaker.caption("good morning", true);
            JsonNode untranslated = german.await(f -> f.path("isFinal").asBoolean(), WAIT);
            assertThat(untranslated.path("text").asText(), equalTo("good morning"));
        }
    }

    @Test
    void theMeetingsEndSendsEndedAndCloses() {
        var s = fixtures.setup();
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient spanish = LiveClient.connect(live(s.meetingId(), "role=listener&lang=es"), TestTokens.user(s.host()));
             LiveClient listener = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()))) {
            for (int i = 1; i <= 5; i++) {
                speaker.caption("the last words number " + i, true);
            }
            await().atMost(WAIT).until(() -> listener.finals().size() == 5);
            TestEvents.publish("cognita.meeting", s.meetingId().toString(), "meeting.ended", s.orgId().toString(),
                    "{\"meetingId\":\"" + s.meetingId() + "\",\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId()
                            + "\",\"hostUserId\":\"" + s.host() + "\"}");
            listener.await(f -> "ended".equals(f.path("type").asText()), WAIT);
            assertThat(listener.awaitClose(WAIT), equalTo(1000));
            // a translating listener gets every translated final, then ended
            spanish.await(f -> "ended".equals(f.path("type").asText()), WAIT);
            assertThat(spanish.awaitClose(WAIT), equalTo(1000));
            List<String> types = spanish.frames().stream().map(f -> f.path("type").asText()).filter(t -> !"health".equals(t)).toList();
            assertThat(types.subList(types.size() - 6, types.size()), equalTo(List.of("segment", "segment", "segment", "segment", "segment", "ended")));
            assertThat(spanish.finals().stream().map(f -> f.path("language").asText()).distinct().toList(), equalTo(List.of("es")));
        }
    }

    @Test
    void aListenerThatStopsReadingIsDroppedWithoutSlowingTheOthers() {
        var s = fixtures.setup();
        String text = "word ".repeat(1500);
        int frames = 3000;
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient reader = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()));
             LiveClient stalled = LiveClient.paused(live(s.meetingId(), "role=listener"), TestTokens.user(s.host()))) {
            for (int i = 0; i < frames; i++) {
                speaker.caption(text + i, false);
            }
            speaker.caption("the end", true);
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.finals().size() == 1);
            assertThat(reader.frames("segment"), hasSize(frames + 1));
            stalled.resume();
            stalled.awaitError("SLOW_CONSUMER");
            assertThat(stalled.awaitClose(WAIT), equalTo(1008));
            assertThat(stalled.frames("segment").size(), lessThan(frames + 1));
        }
    }

    @Test
    void anOpenSocketClosesWhenItsHolderMayNoLongerBeThere() {
        var s = fixtures.setup();
        try (LiveClient listener = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()));
             LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
            fixtures.removeWorkspaceMember(s.workspaceId(), s.participant());
            assertThat(listener.awaitClose(WAIT), equalTo(1008));
            assertThat(listener.frames("error").get(0).path("code").asText(), equalTo("MEETING_NOT_FOUND"));
            fixtures.orgStatus(s.orgId(), "SUSPENDED");
            speaker.awaitError("ORG_SUSPENDED");
            assertThat(speaker.awaitClose(WAIT), equalTo(1008));
        }
        assertThat(refusal(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host())), equalTo("ORG_SUSPENDED"));
        try (LiveClient reader = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.host()))) {
            assertThat("a suspended org's meetings can still be followed", reader.frames().get(0).path("type").asText(), equalTo("health"));
        }
    }

    @Test
    void aLongStreamIsBilledMinuteByMinuteNotOnlyWhenItEnds() {
        var s = fixtures.setup();
        byte[] second = new byte[32_000];
        try (EventTap usage = new EventTap("cognita.transcription")) {
            try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
                for (int i = 0; i < 61; i++) { // 61 s of silence, sent faster than real time
                    speaker.audio(second, 0, second.length);
                }
                JsonNode minute = usage.await(e -> "usage.recorded".equals(e.path("type").asText())
                        && s.meetingId().toString().equals(e.path("data").path("meetingId").asText()), WAIT).orElseThrow();
                assertThat("billed while the socket is open", speaker.isClosed(), equalTo(false));
                assertThat(minute.path("data").path("audioMs").asLong(), equalTo(60_000L));
            }
            JsonNode rest = usage.await(e -> "usage.recorded".equals(e.path("type").asText())
                    && s.meetingId().toString().equals(e.path("data").path("meetingId").asText())
                    && e.path("data").path("audioMs").asLong() != 60_000L, WAIT).orElseThrow();
            assertThat("the rest when the speaker leaves", rest.path("data").path("audioMs").asLong(), equalTo(1_000L));
            assertThat(rest.path("data").path("quantity").asInt(), equalTo(1));
        }
    }

    @Test
    void aCompletedTranscriptTakesNoMoreFinals() {
        var s = fixtures.setup();
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
            speaker.caption("before the end", true);
            JsonNode first = speaker.await(f -> f.path("isFinal").asBoolean(), WAIT);
            fixtures.transcriptStatus(UUID.fromString(first.path("transcriptId").asText()), "completed");
            speaker.caption("after the end", true);
            speaker.awaitError("MEETING_NOT_LIVE");
            assertThat(speaker.finals(), hasSize(1));
        }
    }

    @Test
    void aUserHoldsAtMostTwoSpeakerSockets() {
        var s = fixtures.setup();
        try (LiveClient one = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient two = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
            assertThat(refusal(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host())), equalTo("TOO_MANY_STREAMS"));
            try (LiveClient listener = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.host()))) {
                assertThat(listener.frames().get(0).path("type").asText(), equalTo("health"));
            }
            try (LiveClient other = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.participant()))) {
                assertThat(other.frames().get(0).path("type").asText(), equalTo("health"));
            }
        }
    }

    @Test
    void aLongReplayIsNotMistakenForASlowListener() {
        var s = fixtures.setup();
        String[] texts = new String[700];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "final number " + (i + 1);
        }
        fixtures.liveTranscript(s, new String[] {s.host()}, texts);
        try (LiveClient late = LiveClient.connect(live(s.meetingId(), "role=listener&afterSeq=0"), TestTokens.user(s.participant()))) {
            await().atMost(WAIT).until(() -> late.finals().size() == 700);
            assertThat(late.finals().get(699).path("seq").asInt(), equalTo(700));
            assertThat(late.frames("error"), hasSize(0));
        }
    }

    @Test
    void aClientThatStopsReadingDuringItsReplayIsDropped() {
        var s = fixtures.setup();
        String[] texts = new String[3000];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "word ".repeat(1500) + i;
        }
        fixtures.liveTranscript(s, new String[] {s.host()}, texts);
        try (LiveClient stalled = LiveClient.paused(live(s.meetingId(), "role=listener&afterSeq=0"), TestTokens.user(s.participant()))) {
            // the replay waits replay-write-timeout (2 s in tests) for a frame the client does not take, then drops it
            await().atMost(WAIT).until(() -> hub.open(s.meetingId()) == 1);
            await().atMost(WAIT).until(() -> hub.open(s.meetingId()) == 0);
            stalled.resume();
            stalled.awaitError("SLOW_CONSUMER");
            assertThat(stalled.awaitClose(WAIT), equalTo(1008));
            assertThat(stalled.finals().size(), lessThan(texts.length));
        }
    }

    @Test
    void listenersOfOneLanguageGetTheSameTranslationsInTheOrderOfTheFinals() {
        var s = fixtures.setup();
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()));
             LiveClient first = LiveClient.connect(live(s.meetingId(), "role=listener&lang=es"), TestTokens.user(s.participant()));
             LiveClient second = LiveClient.connect(live(s.meetingId(), "role=listener&lang=ES-mx"), TestTokens.user(s.host()))) {
            for (int i = 1; i <= 12; i++) {
                speaker.caption("the house number " + i + " is green", true);
            }
            await().atMost(WAIT).until(() -> first.finals().size() == 12 && second.finals().size() == 12);
            List<Integer> seqs = java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList();
            assertThat(first.finals().stream().map(f -> f.path("seq").asInt()).toList(), equalTo(seqs));
            assertThat(LiveClient.texts(second.finals()), equalTo(LiveClient.texts(first.finals())));
            for (JsonNode f : first.finals()) {
                assertThat(f.path("language").asText(), equalTo("es"));
                assertThat(f.has("translationError"), equalTo(false));
            }
        }
    }

    @Test
    void anIdleSpeakerGivesItsDecoderBackAndTakesOneWhenItSpeaksAgain() {
        var s = fixtures.setup();
        await().atMost(WAIT).until(() -> liveRecognizer.available() == maxStreams); // other tests' speakers have closed
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
            speaker.audio(new byte[640], 0, 640);
            await().atMost(WAIT).until(() -> liveRecognizer.available() == maxStreams - 1);
            // silent for speaker-idle (2 s in tests): given back by the recheck, the socket stays open
            await().atMost(WAIT).until(() -> liveRecognizer.available() == maxStreams);
            assertThat(speaker.isClosed(), equalTo(false));
            speaker.audio(new byte[640], 0, 640);
            await().atMost(WAIT).until(() -> liveRecognizer.available() == maxStreams - 1);
        }
        await().atMost(WAIT).until(() -> liveRecognizer.available() == maxStreams);
    }

    @Test
    void audioFasterThanRealTimeAndFloodsOfFinalCaptionsAreDropped() {
        var s = fixtures.setup();
        byte[] second = new byte[32_000];
        try (LiveClient speaker = LiveClient.connect(live(s.meetingId(), "role=speaker"), TestTokens.user(s.host()))) {
            for (int i = 0; i < 250; i++) { // the tests allow 120 s ahead of the clock (5 s in production), and time passes
                speaker.audio(second, 0, second.length);
            }
            speaker.awaitError("AUDIO_TOO_FAST");
            for (int i = 0; i < 30; i++) {
                speaker.caption("flood " + i, true);
            }
            speaker.awaitError("RATE_LIMITED");
            await().atMost(WAIT).until(() -> speaker.finals().size() >= 20);
            assertThat(speaker.finals().size(), lessThan(30));
        }
    }

    @Test
    void aUserHoldsAtMostEightLiveSockets() {
        var s = fixtures.setup();
        List<LiveClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                LiveClient client = LiveClient.connect(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant()));
                open.add(client);
                assertThat(client.frames().get(0).path("type").asText(), equalTo("health"));
            }
            assertThat(refusal(live(s.meetingId(), "role=listener"), TestTokens.user(s.participant())), equalTo("TOO_MANY_STREAMS"));
        } finally {
            open.forEach(LiveClient::close);
        }
    }

    private String refusal(URI uri, String token) {
        try (LiveClient client = LiveClient.connect(uri, token)) {
            JsonNode error = client.await(f -> "error".equals(f.path("type").asText()), WAIT);
            assertThat(client.awaitClose(WAIT), equalTo(1008));
            return error.path("code").asText();
        }
    }

    private String translationRefusal(UUID meetingId, String lang, String token) {
        try (LiveClient client = LiveClient.connect(live(meetingId, "role=listener&lang=" + lang), token)) {
            return client.awaitError("TRANSLATION_UNAVAILABLE").path("detail").asText();
        }
    }
}
