package io.cognita.transcription;

import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.cognita.transcription.domain.Transcript;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every operation against every kind of caller: anonymous (401), another org's user and an org member outside the private
 * workspace even if they joined the meeting (404, nothing disclosed), a token without the scope (403), members (reads and
 * translations), the org's admin, and a system admin (reads only).
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class TranscriptAuthorizationTest {

    @Inject
    TranscriptionFixtures fixtures;

    @Test
    void everyOperationAnswersEachKindOfCallerAsDocumented() {
        var s = fixtures.setup();
        Transcript t = fixtures.completedTranscript(s, new String[] {s.host()}, TranscriptApiTest.TEXTS);
        String translationId = given().auth().oauth2(TestTokens.user(s.host())).contentType(ContentType.JSON)
                .body("{\"targetLanguage\":\"es\"}").when().post("/api/transcripts/" + t.id() + "/translations")
                .then().statusCode(202).extract().path("data.translationId");

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("another org's user", TestTokens.user(TestTokens.newUserId()));
        callers.put("org member who joined, outside the private workspace", TestTokens.user(s.outsider()));
        callers.put("member without transcript scopes", TestTokens.withScope(s.participant(), "org:read workspace:read"));
        callers.put("member with transcript:read only", TestTokens.withScope(s.participant(), "transcript:read"));
        callers.put("workspace member", TestTokens.user(s.absentMember()));
        callers.put("workspace admin", TestTokens.user(s.workspaceAdmin()));
        callers.put("org admin", TestTokens.user(s.orgAdmin()));
        callers.put("system admin", TestTokens.systemAdmin());

        // expected statuses: get transcript, segments, vtt, translation, meeting's transcripts, ask for a translation
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("anonymous", new int[] {401, 401, 401, 401, 401, 401});
        expected.put("another org's user", new int[] {404, 404, 404, 404, 404, 404});
        expected.put("org member who joined, outside the private workspace", new int[] {404, 404, 404, 404, 404, 404});
        expected.put("member without transcript scopes", new int[] {403, 403, 403, 403, 403, 403});
        expected.put("member with transcript:read only", new int[] {200, 200, 200, 200, 200, 403});
        expected.put("workspace member", new int[] {200, 200, 200, 200, 200, 202});
        expected.put("workspace admin", new int[] {200, 200, 200, 200, 200, 202});
        expected.put("org admin", new int[] {200, 200, 200, 200, 200, 202});
        expected.put("system admin", new int[] {200, 200, 200, 200, 200, 403});

        String base = "/api/transcripts/" + t.id();
        callers.forEach((who, token) -> {
            int[] want = expected.get(who);
            int[] got = {
                    as(token).get(base).statusCode(),
                    as(token).get(base + "/segments").statusCode(),
                    as(token).queryParam("format", "vtt").get(base + "/segments").statusCode(),
                    as(token).get(base + "/translations/" + translationId).statusCode(),
                    as(token).get("/api/meetings/" + s.meetingId() + "/transcripts").statusCode(),
                    as(token).contentType(ContentType.JSON).body("{\"targetLanguage\":\"es\"}").post(base + "/translations").statusCode()};
            assertThat(who, java.util.Arrays.toString(got), equalTo(java.util.Arrays.toString(want)));
        });
        // what is not visible and what does not exist answer alike
        given().auth().oauth2(TestTokens.user(s.outsider())).when().get(base).then().body("code", equalTo("TRANSCRIPT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.user(s.outsider())).when().get("/api/meetings/" + s.meetingId() + "/transcripts")
                .then().body("code", equalTo("MEETING_NOT_FOUND"));
    }

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given().redirects().follow(false);
        return token == null ? spec : spec.auth().oauth2(token);
    }
}
