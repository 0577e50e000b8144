package io.cognita.transcription;

import io.cognita.platform.testing.ApertiumCli;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.cognita.transcription.domain.Transcript;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The segments API (paging, filters, full text, subtitles) and translations, on transcripts written by the fixtures. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class TranscriptApiTest {

    static final String[] TEXTS = {"Good morning everyone, welcome to the budget meeting.",
            "The committee will review the budget before the end of the month.",
            "Please send the report to the team by Friday.",
            "Thank you, see you next week."};

    @Inject
    TranscriptionFixtures fixtures;

    @Inject
    io.cognita.transcription.repository.TranslationRepository translations;

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aTranscriptAndItsSegmentsInOrderPagedByCursor() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host(), s.participant()}, TEXTS);
        String token = TestTokens.user(s.participant());
        given().auth().oauth2(token).when().get("/api/transcripts/" + t.id()).then().statusCode(200)
                .body("data.transcriptId", equalTo(t.id().toString())).body("data.meetingId", equalTo(s.meetingId().toString()))
                .body("data.source", equalTo("live")).body("data.status", equalTo("live")).body("data.language", equalTo("en-US"))
                .body("data.segmentCount", equalTo(4)).body("data.durationMs", equalTo(7900)).body("data.recordingId", nullValue());

        List<Integer> seqs = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/transcripts/" + t.id() + "/segments").then().statusCode(200).extract().response();
            seqs.addAll(page.path("data.seq"));
            cursor = page.path("meta.nextCursor");
        } while (cursor != null);
        assertThat(seqs, contains(1, 2, 3, 4));
        given().auth().oauth2(token).when().get("/api/transcripts/" + t.id() + "/segments").then().statusCode(200)
                .body("data[0].speaker.userId", equalTo(s.host())).body("data[0].startMs", equalTo(0)).body("data[0].endMs", equalTo(1900))
                .body("data[1].text", equalTo(TEXTS[1])).body("data[0].rank", nullValue()).body("data[0].confidence", equalTo(0.9f));
    }

    @Test
    void filtersBySpeakerTimeAndFullTextRankedWithHighlights() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host(), s.participant()}, TEXTS);
        String token = TestTokens.user(s.host());
        String segments = "/api/transcripts/" + t.id() + "/segments";
        given().auth().oauth2(token).queryParam("speaker", s.participant()).when().get(segments).then().statusCode(200)
                .body("data.seq", contains(2, 4));
        given().auth().oauth2(token).queryParam("fromMs", 2500).queryParam("toMs", 4100).when().get(segments).then().statusCode(200)
                .body("data.seq", contains(2, 3));
        // English stemming: "reviews" finds "review"
        given().auth().oauth2(token).queryParam("q", "reviews").when().get(segments).then().statusCode(200)
                .body("data.seq", contains(2)).body("data[0].highlight", containsString("<mark>review</mark>"));
        given().auth().oauth2(token).queryParam("q", "budget").when().get(segments).then().statusCode(200)
                .body("data.seq", hasSize(2)).body("data.rank", everyItem(notNullValue()));
        given().auth().oauth2(token).queryParam("q", "\"see you\" -budget").when().get(segments).then().statusCode(200)
                .body("data.seq", contains(4));
        given().auth().oauth2(token).queryParam("q", "budget").queryParam("limit", 1).when().get(segments).then().statusCode(200)
                .body("data", hasSize(1)).body("meta.nextCursor", notNullValue());
        given().auth().oauth2(token).queryParam("q", "xylophone").when().get(segments).then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void aTranslationClaimedMoreOftenThanItsAttemptsFails() {
        var s = fixtures.setup();
        Transcript t = fixtures.completedTranscript(s, new String[] {s.host()}, TEXTS);
        java.util.UUID id = java.util.UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            translations.create(id, t.id(), "es", s.host(), java.time.Instant.now());
            em.createNativeQuery("UPDATE translations SET attempts = 5 WHERE id = :id").setParameter("id", id).executeUpdate();
        });
        String token = TestTokens.user(s.host());
        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(given().auth().oauth2(token)
                .when().get("/api/transcripts/" + t.id() + "/translations/" + id).then().statusCode(200).extract().path("data.status")));
        given().auth().oauth2(token).when().get("/api/transcripts/" + t.id() + "/translations/" + id).then()
                .body("data.failureReason", equalTo("translation failed")).body("data.segments", hasSize(0));
    }

    @Test
    void aTranscriptNotCompletedYetIsNotTranslated() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, TEXTS);
        given().auth().oauth2(TestTokens.user(s.host())).contentType(ContentType.JSON).body("{\"targetLanguage\":\"es\"}")
                .when().post("/api/transcripts/" + t.id() + "/translations").then().statusCode(409)
                .body("code", equalTo("TRANSCRIPT_NOT_COMPLETED"));
        fixtures.transcriptStatus(t.id(), "completed");
        given().auth().oauth2(TestTokens.user(s.host())).contentType(ContentType.JSON).body("{\"targetLanguage\":\"es\"}")
                .when().post("/api/transcripts/" + t.id() + "/translations").then().statusCode(202);
    }

    @Test
    void aHighlightIsEscapedHtmlWhateverTheSpeakerTyped() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()},
                "budget <img src=x onerror=alert('x')> & \"more\"", "the budget\u0002 again");
        given().auth().oauth2(TestTokens.user(s.host())).queryParam("q", "budget").when().get("/api/transcripts/" + t.id() + "/segments")
                .then().statusCode(200).body("data", hasSize(2))
                .body("data.highlight", hasItem(allOf(containsString("<mark>budget</mark>"), containsString("&lt;img"))))
                .body("data.highlight", everyItem(not(containsString("<img"))))
                .body("data.highlight.collect { it.count('<mark>') - it.count('</mark>') }", everyItem(equalTo(0)));
    }

    @Test
    void vttAndSrtExportsParseBackToTheSegments() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, TEXTS);
        String token = TestTokens.user(s.host());
        String vtt = given().auth().oauth2(token).queryParam("format", "vtt").when().get("/api/transcripts/" + t.id() + "/segments")
                .then().statusCode(200).contentType(startsWith("text/vtt")).extract().asString();
        assertThat(vtt, startsWith("WEBVTT\n\n"));
        List<String[]> cues = cues(vtt, Pattern.compile("(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) --> (\\d{2}:\\d{2}:\\d{2}\\.\\d{3})\\n(.+)\\n"));
        assertThat(cues, hasSize(4));
        assertThat(cues.get(1)[0], equalTo("00:00:02.000"));
        assertThat(cues.get(1)[1], equalTo("00:00:03.900"));
        assertThat(cues.get(1)[2], containsString(TEXTS[1]));

        String srt = given().auth().oauth2(token).queryParam("format", "srt").when().get("/api/transcripts/" + t.id() + "/segments")
                .then().statusCode(200).contentType(startsWith("application/x-subrip")).extract().asString();
        List<String[]> blocks = cues(srt, Pattern.compile("(?m)^(\\d+)\\n(\\d{2}:\\d{2}:\\d{2},\\d{3} --> \\d{2}:\\d{2}:\\d{2},\\d{3})\\n(.+)\\n"));
        assertThat(blocks, hasSize(4));
        assertThat(blocks.get(3)[0], equalTo("4"));
        assertThat(blocks.get(3)[1], equalTo("00:00:06,000 --> 00:00:07,900"));
        assertThat(blocks.get(3)[2], containsString(TEXTS[3]));
    }

    @Test
    void aTranslationCompletesAsApertiumTranslates() {
        var s = fixtures.setup();
        Transcript t = fixtures.completedTranscript(s, new String[] {s.host()}, TEXTS);
        String token = TestTokens.user(s.participant());
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"targetLanguage\":\"es\"}")
                .when().post("/api/transcripts/" + t.id() + "/translations").then().statusCode(202)
                .body("data.status", equalTo("pending")).body("data.sourceLanguage", equalTo("en-US"))
                .body("data.targetLanguage", equalTo("es")).extract().path("data.translationId");
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(given().auth().oauth2(token)
                .when().get("/api/transcripts/" + t.id() + "/translations/" + id).then().statusCode(200).extract().path("data.status")));
        Response done = given().auth().oauth2(token).when().get("/api/transcripts/" + t.id() + "/translations/" + id)
                .then().statusCode(200).body("data.segments", hasSize(4)).body("data.completedAt", notNullValue()).extract().response();
        for (int i = 0; i < TEXTS.length; i++) {
            assertThat(done.path("data.segments[" + i + "].text"), equalTo(ApertiumCli.translate("eng-spa", TEXTS[i])));
        }
        assertThat(done.path("data.segments[1].startMs"), equalTo(2000));
    }

    @Test
    void translationsFollowTheOrgsSettingAndPlanAndAreNotRepeated() {
        var s = fixtures.setup();
        Transcript t = fixtures.completedTranscript(s, new String[] {s.host()}, TEXTS);
        String token = TestTokens.user(s.host());
        String path = "/api/transcripts/" + t.id() + "/translations";
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"targetLanguage\":\"es\"}").when().post(path)
                .then().statusCode(202).extract().path("data.translationId");
        given().auth().oauth2(TestTokens.user(s.participant())).contentType(ContentType.JSON).body("{\"targetLanguage\":\"ES\"}")
                .when().post(path).then().statusCode(202).body("data.translationId", equalTo(first));
        // a plan of one language, es in use: another is refused, es itself stays allowed
        fixtures.org(s.orgId(), "entitlements", "{\"translationLanguages\":1}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"targetLanguage\":\"de\"}").when().post(path)
                .then().statusCode(403).body("code", equalTo("TRANSLATION_NOT_ALLOWED")).body("detail", containsString("translationLanguages"));
        fixtures.org(s.orgId(), "settings", "{\"translationEnabled\":false}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"targetLanguage\":\"fr\"}").when().post(path)
                .then().statusCode(403).body("code", equalTo("TRANSLATION_NOT_ALLOWED")).body("detail", containsString("translationEnabled"));
    }

    @Test
    void anUnsupportedPairIsRefusedWithTheSupportedOnes() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, TEXTS);
        given().auth().oauth2(TestTokens.user(s.host())).contentType(ContentType.JSON).body("{\"targetLanguage\":\"fr\"}")
                .when().post("/api/transcripts/" + t.id() + "/translations").then().statusCode(422)
                .body("code", equalTo("LANGUAGE_PAIR_UNSUPPORTED")).body("detail", containsString("es"));
    }

    @Test
    void theMeetingsTranscriptsAreListed() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, TEXTS);
        given().auth().oauth2(TestTokens.user(s.absentMember())).when().get("/api/meetings/" + s.meetingId() + "/transcripts")
                .then().statusCode(200).body("data.transcriptId", contains(t.id().toString()));
    }

    @Test
    void badInputIsAProblem() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, TEXTS);
        String token = TestTokens.user(s.host());
        String segments = "/api/transcripts/" + t.id() + "/segments";
        for (String[] query : new String[][] {{"fromMs", "-1"}, {"fromMs", "ten"}, {"toMs", "1.5"}, {"format", "xml"}, {"limit", "0"},
                {"limit", "x"}, {"cursor", "not-a-cursor"}, {"q", " "}, {"q", "x".repeat(201)}}) {
            Response r = given().auth().oauth2(token).queryParam(query[0], query[1]).when().get(segments);
            assertThat(query[0] + "=" + query[1], r.statusCode(), equalTo(400));
            r.then().contentType(startsWith("application/problem+json")).body("code", notNullValue());
        }
        given().auth().oauth2(token).queryParam("fromMs", 5).queryParam("toMs", 4).when().get(segments).then().statusCode(400);
        given().auth().oauth2(token).when().get("/api/transcripts/not-a-uuid/segments").then().statusCode(400);
        for (String body : new String[] {"{", "[]", "{}", "{\"targetLanguage\":\"\"}", "{\"targetLanguage\":\"not a tag!\"}",
                "{\"targetLanguage\":5}", "{\"targetLanguage\":\"es\",\"extra\":1}"}) {
            Response r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/api/transcripts/" + t.id() + "/translations");
            assertThat(body, r.statusCode(), equalTo(400));
            r.then().body("code", notNullValue());
        }
        given().auth().oauth2(token).contentType("text/plain").body("es").when().post("/api/transcripts/" + t.id() + "/translations")
                .then().statusCode(415);
        given().auth().oauth2(token).when().get("/api/transcripts/" + t.id() + "/translations/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("TRANSLATION_NOT_FOUND"));
    }

    private static List<String[]> cues(String text, Pattern cue) {
        List<String[]> out = new ArrayList<>();
        Matcher m = cue.matcher(text);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return out;
    }
}
