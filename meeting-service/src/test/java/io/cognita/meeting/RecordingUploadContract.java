package io.cognita.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static io.cognita.meeting.MeetingFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resumable recording uploads, the same tests for every {@code RecordingStore} adapter (a subclass per adapter,
 * each a Quarkus application configured for its store). Part size in the tests: 5 MiB, S3's minimum.
 */
abstract class RecordingUploadContract {

    static final int PART = 5 * 1024 * 1024;

    @Inject
    MeetingFixtures fixtures;

    /** The bytes of the stored object behind a recording, read through the store under test. */
    protected abstract byte[] stored(String recordingId);

    /** Whether the store holds anything for this upload (parts or object). */
    protected abstract boolean storeHoldsAnythingOf(String meetingId, String uploadId);

    @Test
    void aRecordingUploadsInPartsOutOfOrderWithARetriedPartAndCompletes() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        byte[] recording = bytes(2 * PART + 12345, 1);
        String uploadId = init(s.host(), meetingId, recording.length, sha256(recording)).statusCode(201)
                .body("data.partSize", equalTo(PART)).body("data.partCount", equalTo(3))
                .body("data.partUrls", hasSize(3)).body("data.expiresAt", notNullValue())
                .extract().path("data.uploadId");
        putPart(s.host(), meetingId, uploadId, 3, slice(recording, 3)).statusCode(200).body("data.sizeBytes", equalTo(12345));
        // part 1 first sent wrong, then sent again: the second replaces the first
        putPart(s.host(), meetingId, uploadId, 1, bytes(PART, 99)).statusCode(200);
        putPart(s.host(), meetingId, uploadId, 1, slice(recording, 1)).statusCode(200)
                .body("data.sha256", equalTo(sha256(slice(recording, 1))));
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId + "/recordings/" + uploadId)
                .then().statusCode(200).body("data.partsReceived.partNumber", contains(1, 3)).body("data.status", equalTo("open"));
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(422).body("code", equalTo("UPLOAD_INCOMPLETE")).body("detail", containsString("[2]"));
        putPart(s.host(), meetingId, uploadId, 2, slice(recording, 2)).statusCode(200);

        try (EventTap tap = new EventTap("cognita.meeting")) {
            String recordingId = given().auth().oauth2(token(s.host())).when()
                    .post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                    .then().statusCode(200).body("data.sizeBytes", equalTo(recording.length))
                    .body("data.sha256", equalTo(sha256(recording))).extract().path("data.recordingId");
            JsonNode event = tap.await(e -> "recording.uploaded".equals(e.path("type").asText())
                    && recordingId.equals(e.at("/data/recordingId").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals(meetingId, event.at("/data/meetingId").asText());
            assertEquals(sha256(recording), event.at("/data/sha256").asText());
            assertTrue(event.at("/data/location").asText().startsWith("recordings/" + s.orgId() + "/" + meetingId + "/"));
            assertTrue(Arrays.equals(recording, stored(recordingId)), "the stored object is the upload");
            byte[] read = given().auth().oauth2(token(s.member())).header("X-Cognita-Internal-Token", "dev-only-internal-token").when().get("/api/internal/recordings/" + recordingId + "/content")
                    .then().statusCode(200).header("Digest", "sha-256=" + sha256(recording)).extract().asByteArray();
            assertTrue(Arrays.equals(recording, read), "the internal read path streams the recording");
            given().auth().oauth2(token(s.outsider())).header("X-Cognita-Internal-Token", "dev-only-internal-token").when().get("/api/internal/recordings/" + recordingId + "/content")
                    .then().statusCode(404).body("code", equalTo("RECORDING_NOT_FOUND"));
            // a service of the suite (transcription-service's worker) reads with the internal token alone
            byte[] asService = given().header("X-Cognita-Internal-Token", "dev-only-internal-token")
                    .when().get("/api/internal/recordings/" + recordingId + "/content").then().statusCode(200).extract().asByteArray();
            assertTrue(Arrays.equals(recording, asService), "a service reads the recording");
            given().when().get("/api/internal/recordings/" + recordingId + "/content").then().statusCode(403);
            given().header("X-Cognita-Internal-Token", "wrong").when().get("/api/internal/recordings/" + recordingId + "/content")
                    .then().statusCode(403);
            // completing again answers the same recording; parts can no longer change
            given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                    .then().statusCode(200).body("data.recordingId", equalTo(recordingId));
        }
        putPart(s.host(), meetingId, uploadId, 1, slice(recording, 1)).statusCode(409).body("code", equalTo("UPLOAD_COMPLETED"));
        given().auth().oauth2(token(s.member())).when().get("/api/meetings/" + meetingId).then().statusCode(200)
                .body("data.recording.state", equalTo("available")).body("data.recording.recordings[0].sizeBytes", equalTo(recording.length));
    }

    @Test
    void aChecksumMismatchKeepsNothing() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        byte[] recording = bytes(1000, 2);
        String uploadId = init(s.host(), meetingId, recording.length, sha256(bytes(1000, 3))).statusCode(201).extract().path("data.uploadId");
        putPart(s.host(), meetingId, uploadId, 1, recording).statusCode(200);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(422).body("code", equalTo("CHECKSUM_MISMATCH"));
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId + "/recordings/" + uploadId)
                .then().statusCode(404).body("code", equalTo("UPLOAD_NOT_FOUND"));
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId).then().body("data.recording.state", equalTo("none"));
        assertTrue(!storeHoldsAnythingOf(meetingId, uploadId), "the store still holds the upload");
    }

    @Test
    void partsThatDoNotAddUpAreASizeMismatchAndCanBeSentAgain() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        byte[] recording = bytes(PART + 10, 4);
        String uploadId = init(s.host(), meetingId, recording.length, sha256(recording)).statusCode(201).extract().path("data.uploadId");
        putPart(s.host(), meetingId, uploadId, 1, slice(recording, 1)).statusCode(200);
        putPart(s.host(), meetingId, uploadId, 2, bytes(7, 5)).statusCode(200);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(422).body("code", equalTo("SIZE_MISMATCH"));
        putPart(s.host(), meetingId, uploadId, 2, slice(recording, 2)).statusCode(200);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200);
    }

    @Test
    void badPartsAreClearProblems() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        String otherMeeting = MeetingFixtures.meeting(s, s.host(), null);
        byte[] recording = bytes(PART + 1, 6);
        String uploadId = init(s.host(), meetingId, recording.length, sha256(recording)).statusCode(201).extract().path("data.uploadId");
        putPart(s.host(), meetingId, uploadId, 3, bytes(10, 1)).statusCode(400).body("code", equalTo("INVALID_PART_NUMBER"));
        putPart(s.host(), meetingId, uploadId, 0, bytes(10, 1)).statusCode(400).body("code", equalTo("INVALID_PART_NUMBER"));
        putPart(s.host(), meetingId, uploadId, 1, bytes(PART + 1, 1)).statusCode(413).body("code", equalTo("PART_TOO_LARGE"));
        // every part but the last is exactly the part size (S3 refuses small middle parts at completion)
        putPart(s.host(), meetingId, uploadId, 1, bytes(10, 1)).statusCode(400).body("code", equalTo("PART_SIZE_INVALID"));
        given().auth().oauth2(token(s.host())).contentType(ContentType.JSON).body(bytes(10, 1))
                .when().put("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/parts/2").then().statusCode(415);
        putPart(s.host(), otherMeeting, uploadId, 1, bytes(10, 1)).statusCode(404).body("code", equalTo("UPLOAD_NOT_FOUND"));
        putPart(s.member(), meetingId, uploadId, 1, bytes(10, 1)).statusCode(403);
        given().auth().oauth2(token(s.host())).contentType(ContentType.BINARY).body(bytes(10, 1))
                .when().put("/api/meetings/" + meetingId + "/recordings/../../x/parts/1").then().statusCode(404);
        given().auth().oauth2(token(s.host())).contentType(ContentType.BINARY).body(bytes(10, 1))
                .when().put("/api/meetings/" + meetingId + "/recordings/..%2F..%2Fetc/parts/1").then().statusCode(400);
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId + "/recordings/" + uploadId)
                .then().statusCode(200).body("data.partsReceived", hasSize(0));
    }

    @Test
    void aPartCutShortByADroppedConnectionStoresNothingAndIsSentAgain() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        byte[] recording = bytes(PART, 7);
        String uploadId = init(s.host(), meetingId, recording.length, sha256(recording)).statusCode(201).extract().path("data.uploadId");
        URI base = URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/meetings/" + meetingId + "/recordings/" + uploadId + "/parts/1 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token(s.host()) + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + recording.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(recording, 0, recording.length / 2);
            out.flush();
        }
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId + "/recordings/" + uploadId)
                        .then().extract().<java.util.List<?>>path("data.partsReceived").isEmpty());
        putPart(s.host(), meetingId, uploadId, 1, recording).statusCode(200);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200).body("data.sha256", equalTo(sha256(recording)));
    }

    @Test
    void consentDecidesWhetherRecordingMayStart() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("disabled", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        init(s.host(), meetingId, 10, sha256(bytes(10, 1))).statusCode(403).body("code", equalTo("RECORDING_DISABLED"));

        fixtures.setting(s.orgId(), "{\"recordingConsent\":\"required\"}");
        MeetingFixtures.join(meetingId, s.host(), true);
        MeetingFixtures.join(meetingId, s.member(), null);
        MeetingFixtures.join(meetingId, s.workspaceAdmin(), false);
        init(s.host(), meetingId, 10, sha256(bytes(10, 1))).statusCode(409).body("code", equalTo("CONSENT_MISSING"))
                .body("detail", containsString(s.member())).body("detail", containsString(s.workspaceAdmin()))
                .body("errors.size()", equalTo(2));
        MeetingFixtures.join(meetingId, s.member(), true);
        MeetingFixtures.join(meetingId, s.workspaceAdmin(), true);
        init(s.host(), meetingId, 10, sha256(bytes(10, 1))).statusCode(201);

        // consent is checked again at completion: a participant who withdrew it stops the recording
        String uploadId = init(s.host(), meetingId, 10, sha256(bytes(10, 1))).statusCode(201).extract().path("data.uploadId");
        putPart(s.host(), meetingId, uploadId, 1, bytes(10, 1)).statusCode(200);
        MeetingFixtures.join(meetingId, s.member(), false);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(409).body("code", equalTo("CONSENT_MISSING"));

        fixtures.setting(s.orgId(), "{\"recordingConsent\":\"optional\"}");
        init(s.host(), meetingId, 10, sha256(bytes(10, 1))).statusCode(201);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200);

        // an org whose settings this service has not heard of yet is held to "required"
        fixtures.setting(s.orgId(), "{}");
        init(s.host(), meetingId, 10, sha256(bytes(10, 1))).statusCode(409).body("code", equalTo("CONSENT_MISSING"));
    }

    @Test
    void fileNamesAreNamesNotPaths() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        for (String name : new String[] {"../../etc/passwd", "..", "a/b.wav", "a\\\\b.wav", "x\\u0001.wav"}) {
            given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                    .body("{\"fileName\":\"" + name + "\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":\"" + "a".repeat(64) + "\"}")
                    .when().post("/api/meetings/" + meetingId + "/recordings/upload-init")
                    .then().statusCode(400).body("errors[0].field", equalTo("fileName"));
        }
    }

    ValidatableResponse init(String user, String meetingId, long size, String sha256) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body("{\"fileName\":\"standup.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":" + size + ",\"sha256\":\"" + sha256 + "\"}")
                .when().post("/api/meetings/" + meetingId + "/recordings/upload-init").then();
    }

    static ValidatableResponse putPart(String user, String meetingId, String uploadId, int n, byte[] body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.BINARY).body(body)
                .when().put("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/parts/" + n).then();
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] slice(byte[] all, int part) {
        int from = (part - 1) * PART;
        return Arrays.copyOfRange(all, from, Math.min(all.length, from + PART));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
