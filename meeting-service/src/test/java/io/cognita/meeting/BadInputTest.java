package io.cognita.meeting;

import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.cognita.meeting.MeetingFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every meeting-service endpoint that takes a JSON body, fed bad input of every kind by an authorized caller (the
 * host): a 400 (415 for a body that is not JSON) problem with a code, and nothing changes (the meeting and the
 * workspace's meetings read the same).
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class BadInputTest {

    record Endpoint(String method, String path, List<String> ownBadBodies) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<String> COMMON_BAD_BODIES = List.of("{", "[]", "\"text\"", "{\"unknownField\":1}");
    private static final String SHA = "\"" + "a".repeat(64) + "\"";

    @Inject
    MeetingFixtures fixtures;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/meetings/{m}/join", List.of("{\"recordingConsent\":\"yes\"}", "{\"recordingConsent\":1}")),
                new Endpoint("POST", "/api/meetings/{m}/recordings/upload-init", List.of("{}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"text/html\",\"sizeBytes\":10,\"sha256\":" + SHA + "}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":0,\"sha256\":" + SHA + "}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":-1,\"sha256\":" + SHA + "}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":99999999999999,\"sha256\":" + SHA + "}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":\"ten\",\"sha256\":" + SHA + "}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":\"xyz\"}",
                        "{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":\"" + "A".repeat(64) + "\"}",
                        "{\"fileName\":\"../../etc/passwd\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":" + SHA + "}",
                        "{\"fileName\":\"\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":" + SHA + "}")),
                new Endpoint("POST", "/api/internal/meetings", List.of("{}", "{\"workspaceId\":\"x\",\"orgId\":\"y\",\"title\":\"t\"}",
                        "{\"workspaceId\":\"{ws}\",\"orgId\":\"{org}\",\"title\":\"\"}",
                        "{\"workspaceId\":\"{ws}\",\"orgId\":\"{org}\",\"title\":\"t\",\"scheduledFor\":\"soon\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void badInputIsAProblemAndChangesNothing(Endpoint endpoint) {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        String path = endpoint.path().replace("{m}", meetingId);
        String before = state(s, meetingId);
        for (String body : Stream.concat(COMMON_BAD_BODIES.stream(), endpoint.ownBadBodies().stream()).toList()) {
            given().auth().oauth2(token(s.host())).contentType(ContentType.JSON).header("X-Cognita-Internal-Token", "dev-only-internal-token")
                    .body(body.replace("{ws}", s.workspaceId().toString()).replace("{org}", s.orgId().toString()))
                    .when().request(endpoint.method(), path)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400)).body("code", notNullValue());
        }
        given().auth().oauth2(token(s.host())).contentType("text/plain").body("x").header("X-Cognita-Internal-Token", "dev-only-internal-token")
                .when().request(endpoint.method(), path).then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().auth().oauth2(TestTokens.systemAdmin()).contentType(ContentType.JSON).body("{}").header("X-Cognita-Internal-Token", "dev-only-internal-token")
                .when().request(endpoint.method(), endpoint.path().replace("{m}", "not-a-uuid")).then().statusCode(400);
        assertEquals(before, state(s, meetingId), endpoint + " changed something");
    }

    private static String state(MeetingFixtures.Setup s, String meetingId) {
        return given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId).then().statusCode(200)
                .extract().path("data").toString()
                + given().auth().oauth2(token(s.host())).when().get("/api/workspaces/" + s.workspaceId() + "/meetings")
                .then().statusCode(200).extract().path("data.meetingId").toString();
    }
}
