package io.cognita.platform.messaging;

import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A record whose ce_type header names a type no handler of the group takes is skipped without reading its body. */
@QuarkusTest
class TypeHeaderTest {

    private static final String TOPIC = "cognita.org";

    @Inject
    OrgStatusView view;

    @Inject
    EventSubscriptions subscriptions;

    @Test
    void aRecordOfATypeTheHandlerDoesNotTakeIsSkippedUnread() {
        long deadLettered = subscriptions.deadLettered();
        String key = UUID.randomUUID().toString();
        UUID org = UUID.randomUUID();
        // unreadable, so reading it would dead-letter it; same key, so the marker behind it is on the same partition
        TestEvents.publishRaw(TOPIC, key, "not a cloud event", "org.renamed-for-someone-else");
        TestEvents.publish(TOPIC, key, "org.suspended", org.toString(), "{\"reason\":\"marker\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> view.status(org) == OrgStatusView.Status.SUSPENDED);
        assertEquals(deadLettered, subscriptions.deadLettered());
    }

    /** Another producer's header without a value (Kafka allows it) leaves the type to the body, as if there were none. */
    @Test
    void aHeaderWithoutAValueLeavesTheTypeToTheBody() throws Exception {
        UUID org = UUID.randomUUID();
        String body = TestEvents.envelope(UUID.randomUUID().toString(), org.toString(), "org.suspended", org.toString(),
                "{\"reason\":\"no header value\"}");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("COGNITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, org.toString(), body);
            record.headers().add(IncomingEvent.TYPE_HEADER, null);
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> view.status(org) == OrgStatusView.Status.SUSPENDED);
    }
}
