package io.cognita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic of the real broker from "now" on, for tests that assert what was published.
 * Open it before the action, then wait for the event with a timeout.
 */
public final class EventTap implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> seen = new ArrayList<>();

    public EventTap(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("kafka.bootstrap.servers", System.getenv().getOrDefault("COGNITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092")));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-tap-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (deploy/local/kafka.sh creates them)");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the action under test
    }

    /** The first event matching {@code match} within {@code timeout}, or empty. */
    public Optional<JsonNode> await(Predicate<JsonNode> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (JsonNode event : seen) {
            if (match.test(event)) {
                return Optional.of(event);
            }
        }
        while (Instant.now().isBefore(deadline)) {
            // the whole batch is kept before looking, so an event polled together with the match is not lost
            JsonNode found = null;
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event;
                try {
                    event = JSON.readTree(record.value());
                } catch (Exception e) {
                    continue;
                }
                ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("_key", record.key());
                seen.add(event);
                if (found == null && match.test(event)) {
                    found = event;
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
