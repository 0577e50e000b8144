package io.cognita.gateway;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A revoked session's tokens are refused at the edge: from identity's event, or from another replica via Redis. */
@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class RevocationTest {

    @Test
    void aSessionRevokedEventIsHonouredWithinSeconds() throws Exception {
        String sid = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.base("u-" + UUID.randomUUID()).claim("sid", sid));
        given().auth().oauth2(token).when().get("/api/orgs/x").then().statusCode(200);

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("cognita.identity", "user", "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"session.revoked\",\"source\":\"/cognita/identity-service\",\"data\":{\"sessionId\":\"" + sid
                    + "\",\"userId\":\"u-1\",\"reason\":\"logout\",\"accessValidUntil\":\"" + Instant.now().plusSeconds(900) + "\"}}")).get();
            producer.send(new ProducerRecord<>("cognita.identity", "user", "not json at all")).get();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/orgs/x").then().statusCode(401).body("code", equalTo("UNAUTHORIZED")));
        // other sessions are unaffected, and the unreadable record did not stop the listener
        given().auth().oauth2(TestTokens.systemAdmin()).when().get("/api/orgs/x").then().statusCode(200);
    }

    @Test
    void aRevocationRecordedInRedisByAnotherReplicaIsHonoured() throws Exception {
        String sid = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.base("u-" + UUID.randomUUID()).claim("sid", sid));
        given().auth().oauth2(token).when().get("/api/orgs/x").then().statusCode(200);
        redis("SET", "cognita:revoked-sid:" + sid, Instant.now().plusSeconds(900).toString(), "PX", "900000");
        given().auth().oauth2(token).when().get("/api/orgs/x").then().statusCode(401);
    }

    /** A RESP command to the test's Redis, as another gateway replica would send it. */
    private static void redis(String... args) throws IOException {
        StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
        for (String a : args) {
            command.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", UpstreamsResource.redisPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != '+') {
                throw new IOException("Redis answered " + (char) first);
            }
        }
    }
}
