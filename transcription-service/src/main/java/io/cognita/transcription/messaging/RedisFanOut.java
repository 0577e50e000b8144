package io.cognita.transcription.messaging;

import io.cognita.transcription.service.LiveFanOut;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.ResponseType;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Several replicas: every frame is PUBLISHed on {@code cognita.live.<meetingId>} and each replica, subscribed to
 * {@code cognita.live.*}, delivers it to its own listeners of that meeting (the publishing replica included, through
 * the same subscription, so nobody gets a frame twice). Pub/sub rather than Kafka: a frame is worth delivering only
 * now (milliseconds, no consumer-group rebalancing, nothing kept), and the finals that matter are durable in
 * PostgreSQL and replayed with afterSeq. A lost subscription is re-established with a growing pause.
 */
class RedisFanOut implements LiveFanOut {

    private static final Logger LOG = Logger.getLogger(RedisFanOut.class);
    static final String PREFIX = "cognita.live.";

    private final Vertx vertx;
    private final Redis publisher;
    private final Redis subscriber;
    private volatile BiConsumer<UUID, String> delivery = (m, f) -> { };
    private volatile boolean closed;

    RedisFanOut(Vertx vertx, String url) {
        this.vertx = vertx;
        this.publisher = Redis.createClient(vertx, url);
        this.subscriber = Redis.createClient(vertx, url);
    }

    @Override
    public void publish(UUID meetingId, String frame) {
        publisher.send(Request.cmd(Command.PUBLISH).arg(PREFIX + meetingId).arg(frame))
                .onFailure(e -> LOG.warnf("live frame of meeting %s not published: %s", meetingId, e.toString()));
    }

    @Override
    public void subscribe(BiConsumer<UUID, String> delivery) {
        this.delivery = delivery;
        connect(500);
    }

    private void connect(long retryMs) {
        if (closed) {
            return;
        }
        subscriber.connect().onSuccess(connection -> listen(connection)).onFailure(e -> {
            LOG.warnf("Redis subscription for live frames failed (%s); retrying in %d ms", e.toString(), retryMs);
            vertx.setTimer(retryMs, t -> connect(Math.min(retryMs * 2, 10_000)));
        });
    }

    private void listen(RedisConnection connection) {
        connection.handler(message -> {
            // a pmessage push: [pmessage, pattern, channel, payload]
            if (message.type() == ResponseType.PUSH && message.size() == 4 && "pmessage".equals(message.get(0).toString())) {
                String channel = message.get(2).toString();
                try {
                    delivery.accept(UUID.fromString(channel.substring(PREFIX.length())), message.get(3).toString());
                } catch (RuntimeException e) {
                    LOG.warnf("live frame on %s not delivered: %s", channel, e.toString());
                }
            }
        });
        // whatever ends the subscription — the connection closing, an error, a refused PSUBSCRIBE — leads to one new one
        AtomicBoolean over = new AtomicBoolean();
        Runnable again = () -> {
            if (over.compareAndSet(false, true)) {
                connection.close();
                vertx.setTimer(500, t -> connect(500));
            }
        };
        connection.exceptionHandler(e -> {
            LOG.warnf("Redis subscription error (%s); subscribing again", e.toString());
            again.run();
        });
        connection.endHandler(v -> {
            LOG.warn("Redis subscription for live frames ended; subscribing again");
            again.run();
        });
        connection.send(Request.cmd(Command.PSUBSCRIBE).arg(PREFIX + "*")).onFailure(e -> {
            LOG.warnf("PSUBSCRIBE failed (%s); subscribing again", e.toString());
            again.run();
        });
    }

    void close() {
        closed = true;
        publisher.close();
        subscriber.close();
    }
}
