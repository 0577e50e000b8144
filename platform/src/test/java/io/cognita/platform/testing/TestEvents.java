package io.cognita.platform.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

/** Publishes a CloudEvent to the real broker as another service would, for consumer tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Returns the event id. {@code data} is a JSON object. */
    public static String publish(String topic, String key, String type, String orgId, String data) {
        String id = UUID.randomUUID().toString();
        publishRaw(topic, key, envelope(id, key, type, orgId, data), type);
        return id;
    }

    /** The envelope {@link #publish} sends, with the given event id. */
    public static String envelope(String id, String key, String type, String orgId, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/cognita/tests\",\"type\":\""
                + type + "\",\"time\":\"" + Instant.now() + "\",\"subject\":\"" + key + "\","
                + (orgId == null ? "" : "\"orgid\":\"" + orgId + "\",") + "\"data\":" + data + "}";
    }

    /**
     * Publishes the values under one key in a single produce request, so they land in the log together and a
     * consumer that keeps up is given them in one poll.
     */
    public static void publishTogether(String topic, String key, List<String> values) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("COGNITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (String value : values) {
                acks.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publishRaw(String topic, String key, String value) {
        publishRaw(topic, key, value, null);
    }

    /** With the ce_type header the outbox relay sends, when {@code type} is not null. */
    public static void publishRaw(String topic, String key, String value, String type) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("COGNITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (type != null) {
                record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
