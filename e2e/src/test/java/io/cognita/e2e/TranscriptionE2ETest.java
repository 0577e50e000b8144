package io.cognita.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.ApertiumCli;
import io.cognita.platform.testing.LiveClient;
import io.cognita.platform.testing.SpeechSamples;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import static io.cognita.e2e.Accounts.API;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Transcription through the gateway on real speech (Festival's voice, synthesised for this build): live, with a
 * listener on a second replica, and recorded, from an upload to meeting-service to subtitles and a translation.
 */
@ExtendWith(SuiteExtension.class)
class TranscriptionE2ETest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> NOT_YET = Set.of("MEETING_NOT_FOUND", "NOT_A_PARTICIPANT");

    @BeforeAll
    static void accounts() {
        WorkspaceMeetingE2ETest.init();
    }

    @Test
    void liveSpeechThroughTheGatewayReachesAListenerOnAnotherReplica() {
        WorkspaceMeetingE2ETest.Team team = WorkspaceMeetingE2ETest.team();
        String meetingId = WorkspaceMeetingE2ETest.startMeeting(team, null);
        given().auth().oauth2(team.member()).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                .when().post(API + "/meetings/" + meetingId + "/join").then().statusCode(200);
        String query = "/api/transcription/live?meetingId=" + meetingId;
        byte[] pcm = SpeechSamples.scriptPcm();
        // a browser: the token in the query, through the gateway; the listener straight to replica 2 with a header
        try (LiveClient speaker = connected(() -> LiveClient.connect(URI.create("ws://localhost:3000" + query + "&role=speaker&access_token="
                + team.admin()), null));
             LiveClient listener = connected(() -> LiveClient.connect(URI.create("ws://127.0.0.1:" + Suite.TRANSCRIPTION_REPLICA_PORT
                     + query + "&role=listener"), team.member()))) {
            long start = System.nanoTime();
            for (int at = 0, frame = 0; at < pcm.length; at += 640, frame++) { // 20 ms frames in real time
                LockSupport.parkNanos(start + frame * 20_000_000L - System.nanoTime());
                speaker.audio(pcm, at, Math.min(640, pcm.length - at));
            }
            await().atMost(WAIT).until(() -> listener.finals().size() == 3 && speaker.finals().size() == 3);
            assertThat(listener.frames("segment").size(), greaterThan(3));
            assertThat(listener.finals().stream().map(f -> f.path("seq").asInt()).toList(), contains(1, 2, 3));
            String heard = String.join(" ", LiveClient.texts(listener.finals()));
            assertThat(heard, SpeechSamples.wordErrorRate(String.join(" ", SpeechSamples.SCRIPT), heard), lessThanOrEqualTo(0.25));
            assertThat(LiveClient.texts(speaker.finals()), equalTo(LiveClient.texts(listener.finals())));
        }
        try (LiveClient again = LiveClient.connect(URI.create("ws://localhost:3000" + query + "&role=listener&afterSeq=1"), team.member())) {
            await().atMost(WAIT).until(() -> again.finals().size() == 2);
            assertThat(again.finals().stream().map(f -> f.path("seq").asInt()).toList(), contains(2, 3));
        }
        String transcriptId = given().auth().oauth2(team.member()).when().get(API + "/meetings/" + meetingId + "/transcripts")
                .then().statusCode(200).body("data", hasSize(1)).body("data[0].source", equalTo("live"))
                .body("data[0].segmentCount", equalTo(3)).extract().path("data[0].transcriptId");
        given().auth().oauth2(team.member()).when().get(API + "/transcripts/" + transcriptId + "/segments").then().statusCode(200)
                .body("data.seq", contains(1, 2, 3));
    }

    @Test
    void aRecordingUploadedToMeetingServiceIsTranscribedAndTranslated() throws Exception {
        WorkspaceMeetingE2ETest.Team team = WorkspaceMeetingE2ETest.team();
        String meetingId = WorkspaceMeetingE2ETest.startMeeting(team, null);
        given().auth().oauth2(team.admin()).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                .when().post(API + "/meetings/" + meetingId + "/join").then().statusCode(200);
        byte[] wav = recording();
        String uploadId = given().auth().oauth2(team.admin()).contentType(ContentType.JSON)
                .body(Map.of("fileName", "lesson.wav", "contentType", "audio/wav", "sizeBytes", wav.length,
                        "sha256", WorkspaceMeetingE2ETest.sha256(wav)))
                .when().post(API + "/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201)
                .extract().path("data.uploadId");
        WorkspaceMeetingE2ETest.putPart(team.admin(), API + "/meetings/" + meetingId + "/recordings/" + uploadId + "/parts/1", wav);
        given().auth().oauth2(team.admin()).when().post(API + "/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200);

        String transcriptId = await().atMost(WAIT).until(() -> given().auth().oauth2(team.member())
                .when().get(API + "/meetings/" + meetingId + "/transcripts").then().statusCode(200).extract().response(),
                r -> r.<List<String>>path("data.findAll { it.source == 'recording' && it.status == 'completed' }.transcriptId").size() == 1)
                .path("data.find { it.source == 'recording' }.transcriptId");
        Response segments = given().auth().oauth2(team.member()).when().get(API + "/transcripts/" + transcriptId + "/segments")
                .then().statusCode(200).body("data", hasSize(3)).extract().response();
        List<String> texts = segments.path("data.text");
        String heard = String.join(" ", texts);
        assertThat(heard, SpeechSamples.wordErrorRate(String.join(" ", SpeechSamples.SCRIPT), heard), lessThanOrEqualTo(0.25));
        String vtt = given().auth().oauth2(team.member()).queryParam("format", "vtt")
                .when().get(API + "/transcripts/" + transcriptId + "/segments").then().statusCode(200).extract().asString();
        assertThat(vtt, startsWith("WEBVTT"));
        assertThat(vtt.split("-->").length - 1, equalTo(3));

        String translationId = given().auth().oauth2(team.member()).contentType(ContentType.JSON).body("{\"targetLanguage\":\"es\"}")
                .when().post(API + "/transcripts/" + transcriptId + "/translations").then().statusCode(202)
                .extract().path("data.translationId");
        Response done = await().atMost(WAIT).until(() -> given().auth().oauth2(team.member())
                        .when().get(API + "/transcripts/" + transcriptId + "/translations/" + translationId).then().statusCode(200).extract().response(),
                r -> "completed".equals(r.path("data.status")));
        List<String> spanish = done.path("data.segments.text");
        assertThat(spanish, hasSize(3));
        for (int i = 0; i < 3; i++) {
            assertThat(spanish.get(i), equalTo(ApertiumCli.translate("eng-spa", texts.get(i))));
        }
    }

    /** The script as one 16 kHz mono WAV (the three sentences with their silences). */
    private static byte[] recording() throws IOException {
        byte[] pcm = SpeechSamples.scriptPcm();
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(44 + pcm.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(pcm.length).put(pcm);
        return out.array();
    }

    @Test
    void theGatewayRefusesAnUpgradeWithoutAValidTokenBeforeItReachesTheService() {
        String live = "ws://localhost:3000/api/transcription/live?meetingId=" + java.util.UUID.randomUUID() + "&role=listener";
        assertThat(upgradeStatus(live, null), equalTo(401));
        assertThat(upgradeStatus(live + "&access_token=not.a.token", null), equalTo(401));
        assertThat(upgradeStatus(live, "Bearer not.a.token"), equalTo(401));
    }

    /** The HTTP status that refused a WebSocket upgrade (101 when it was accepted). */
    private static int upgradeStatus(String uri, String authorization) {
        var builder = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            builder.buildAsync(URI.create(uri), new java.net.http.WebSocket.Listener() { }).join().abort();
            return 101;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** Connects until the service has heard of the meeting and the participant (its views are fed by events). */
    static LiveClient connected(java.util.function.Supplier<LiveClient> connect) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            LiveClient client = connect.get();
            JsonNode first = client.frames().isEmpty() ? null : client.frames().get(0);
            if (first != null && "error".equals(first.path("type").asText()) && NOT_YET.contains(first.path("code").asText())) {
                client.close();
                return null;
            }
            return client;
        }, c -> c != null);
    }
}
