package io.cognita.meeting;

import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.cognita.meeting.MeetingFixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every meeting-service endpoint against every kind of caller, each cell on fresh data: a live meeting in a private
 * workspace, hosted by a workspace member, with an open one-part upload (its part already sent for the complete
 * row). 401 anonymous; 404 where the caller does not see the workspace; 403 where they see it but may not act.
 * Leaving answers 409 to those allowed (they never joined). A system admin (the platform operator) reads and does
 * nothing else.
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class AuthorizationMatrixTest {

    enum Who { SYSTEM_ADMIN, ORG_OWNER, ORG_ADMIN, WORKSPACE_ADMIN, WORKSPACE_MEMBER, ORG_MEMBER_OUTSIDE, OTHER_ORG_OWNER, ANONYMOUS }

    record Cell(MeetingFixtures.Setup setup, String meetingId, String uploadId) {
    }

    record Endpoint(String method, String path, Function<Cell, String> body, String contentType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final byte[] PART = "ten bytes!".getBytes();

    @Inject
    MeetingFixtures fixtures;

    static Stream<Arguments> matrix() {
        List<Object[]> rows = List.of(
                // endpoint                                                                   SYS  OWNR OADM WADM WMEM OUTS OTHR ANON
                row(json("GET", "/api/meetings/{m}", null),                                    200, 200, 200, 200, 200, 404, 404, 401),
                row(json("GET", "/api/workspaces/{ws}/meetings", null),                        200, 200, 200, 200, 200, 404, 404, 401),
                row(json("POST", "/api/meetings/{m}/join", c -> "{\"recordingConsent\":true}"), 403, 200, 200, 200, 200, 404, 404, 401),
                row(json("POST", "/api/meetings/{m}/leave", null),                             403, 409, 409, 409, 409, 404, 404, 401),
                row(json("POST", "/api/meetings/{m}/end", null),                               403, 200, 200, 200, 403, 404, 404, 401),
                row(json("POST", "/api/meetings/{m}/recordings/upload-init", c -> "{\"fileName\":\"a.wav\",\"contentType\":"
                        + "\"audio/wav\",\"sizeBytes\":10,\"sha256\":\"" + "0".repeat(64) + "\"}"),   403, 201, 201, 201, 403, 404, 404, 401),
                row(json("GET", "/api/meetings/{m}/recordings/{u}", null),                     403, 200, 200, 200, 403, 404, 404, 401),
                row(new Endpoint("PUT", "/api/meetings/{m}/recordings/{u}/parts/1", null, "application/octet-stream"),
                                                                                               403, 200, 200, 200, 403, 404, 404, 401),
                row(json("POST", "/api/meetings/{m}/recordings/{u}/complete?part-sent", null), 403, 200, 200, 200, 403, 404, 404, 401),
                row(json("POST", "/api/internal/meetings", c -> "{\"workspaceId\":\"" + c.setup().workspaceId() + "\",\"orgId\":\""
                        + c.setup().orgId() + "\",\"title\":\"New\"}"),                         404, 201, 201, 201, 201, 404, 404, 401));
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : rows) {
            for (Who who : Who.values()) {
                cells.add(Arguments.of(row[0], who, row[1 + who.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void cell(Endpoint endpoint, Who who, int expected) throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        String uploadId = given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                .body("{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":\""
                        + RecordingUploadContract.sha256(PART) + "\"}")
                .when().post("/api/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201).extract().path("data.uploadId");
        if (endpoint.path().endsWith("?part-sent")) {
            RecordingUploadContract.putPart(s.host(), meetingId, uploadId, 1, PART).statusCode(200);
        }
        String otherOrgOwner = fixtures.setup("optional", "private").orgOwner();
        Cell cell = new Cell(s, meetingId, uploadId);

        RequestSpecification request = given();
        String token = switch (who) {
            case SYSTEM_ADMIN -> TestTokens.systemAdmin();
            case ORG_OWNER -> token(s.orgOwner());
            case ORG_ADMIN -> token(s.orgAdmin());
            case WORKSPACE_ADMIN -> token(s.workspaceAdmin());
            case WORKSPACE_MEMBER -> token(s.member());
            case ORG_MEMBER_OUTSIDE -> token(s.outsider());
            case OTHER_ORG_OWNER -> token(otherOrgOwner);
            case ANONYMOUS -> null;
        };
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (endpoint.contentType().equals("application/octet-stream")) {
            request = request.contentType(endpoint.contentType()).body(PART);
        } else if (endpoint.body() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body().apply(cell));
        }
        String path = endpoint.path().replace("?part-sent", "").replace("{m}", meetingId).replace("{u}", uploadId)
                .replace("{ws}", s.workspaceId().toString());
        if (path.startsWith("/api/internal/")) {
            request = request.header("X-Cognita-Internal-Token", "dev-only-internal-token");
        }
        int status = request.when().request(endpoint.method(), path).then().extract().statusCode();
        assertEquals(expected, status, endpoint + " as " + who);
    }

    private static Object[] row(Endpoint endpoint, int... expected) {
        Object[] row = new Object[expected.length + 1];
        row[0] = endpoint;
        for (int i = 0; i < expected.length; i++) {
            row[i + 1] = expected[i];
        }
        return row;
    }

    private static Endpoint json(String method, String path, Function<Cell, String> body) {
        return new Endpoint(method, path, body, "application/json");
    }
}
