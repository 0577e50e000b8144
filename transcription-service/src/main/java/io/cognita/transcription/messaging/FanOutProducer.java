package io.cognita.transcription.messaging;

import io.cognita.transcription.service.LiveFanOut;
import io.cognita.transcription.service.LiveSettings;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Redis pub/sub when {@code cognita.live.redis-url} is set, else this replica alone. */
@ApplicationScoped
public class FanOutProducer {

    private static final Logger LOG = Logger.getLogger(FanOutProducer.class);

    @Produces
    @Singleton
    LiveFanOut fanOut(Vertx vertx, LiveSettings settings) {
        Optional<String> url = settings.redisUrl();
        if (url.isPresent() && !url.get().isBlank()) {
            LOG.info("live frames fan out through Redis pub/sub");
            return new RedisFanOut(vertx, url.get());
        }
        LOG.info("live frames stay on this replica (no cognita.live.redis-url)");
        return new LocalFanOut();
    }

    void close(@Disposes LiveFanOut fanOut) {
        if (fanOut instanceof RedisFanOut redis) {
            redis.close();
        }
    }
}
