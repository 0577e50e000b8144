package io.cognita.platform.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/** Publishes a CloudEvent to the real broker as another service would, for consumer tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Returns the event id. {@code data} is a JSON object. */
    public static String publish(String topic, String key, String type, String orgId, String data) {
        String id = UUID.randomUUID().toString();
        publishRaw(topic, key, "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/cognita/tests\",\"type\":\""
                + type + "\",\"time\":\"" + Instant.now() + "\",\"subject\":\"" + key + "\","
                + (orgId == null ? "" : "\"orgid\":\"" + orgId + "\",") + "\"data\":" + data + "}");
        return id;
    }

    public static void publishRaw(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("COGNITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
