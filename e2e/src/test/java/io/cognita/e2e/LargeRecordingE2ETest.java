package io.cognita.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.cognita.e2e.Accounts.API;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1 GiB recording through the gateway into meeting-service, both running with a 256 MiB heap (the suite starts
 * every service with -Xmx256m): the parts are streamed, never held whole, or the service would fail. The bytes
 * are generated on the fly in this JVM, part by part, never held whole here either.
 */
@ExtendWith(SuiteExtension.class)
class LargeRecordingE2ETest {

    private static final long SIZE = 1024L * 1024 * 1024;
    private static final int PART = WorkspaceMeetingE2ETest.PART;
    private static final int PARTS = (int) (SIZE / PART);

    @BeforeAll
    static void accounts() {
        WorkspaceMeetingE2ETest.init();
    }

    @Test
    void aOneGibRecordingUploadsThroughTheGatewayWithA256MibHeap() throws Exception {
        WorkspaceMeetingE2ETest.Team team = WorkspaceMeetingE2ETest.team();
        String meetingId = WorkspaceMeetingE2ETest.startMeeting(team, null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[PART];
        for (int n = 1; n <= PARTS; n++) {
            fill(buffer, n);
            sha.update(buffer);
        }
        String sha256 = HexFormat.of().formatHex(sha.digest());
        String uploadId = given().auth().oauth2(team.admin()).contentType(ContentType.JSON)
                .body(Map.of("fileName", "assembly.mp4", "contentType", "video/mp4", "sizeBytes", SIZE, "sha256", sha256))
                .when().post(API + "/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201)
                .body("data.partCount", equalTo(PARTS)).extract().path("data.uploadId");
        for (int n = 1; n <= PARTS; n++) {
            fill(buffer, n);
            HttpURLConnection c = (HttpURLConnection) URI.create(API + "/meetings/" + meetingId + "/recordings/" + uploadId
                    + "/parts/" + n).toURL().openConnection();
            c.setRequestMethod("PUT");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(PART);
            c.setRequestProperty("Authorization", "Bearer " + team.admin());
            c.setRequestProperty("Content-Type", "application/octet-stream");
            try (OutputStream out = c.getOutputStream()) {
                out.write(buffer);
            }
            assertEquals(200, c.getResponseCode(), "part " + n);
            c.getInputStream().readAllBytes();
        }
        Suite suite = Suite.shared();
        System.out.printf("1 GiB upload: meeting-service RSS %d MiB, gateway RSS %d MiB%n",
                rssMib(suite.pid("meeting-service")), rssMib(suite.pid("gateway")));
        given().auth().oauth2(team.admin()).when().post(API + "/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200).body("data.sha256", equalTo(sha256)).body("data.sizeBytes", equalTo((int) SIZE));
        assertTrue(suite.pid("meeting-service") > 0);
        // the test's gigabyte does not stay on the disk
        try (Stream<Path> files = Files.walk(suite.work().resolve("recordings"))) {
            files.filter(p -> p.toString().contains(uploadId)).filter(Files::isRegularFile).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // left for mvn clean
                }
            });
        }
    }

    /** Part {@code n}'s bytes: the same for the same n, every time. */
    private static void fill(byte[] buffer, int n) {
        new Random(1_000_003L * n).nextBytes(buffer);
    }

    private static long rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }
}
