package io.cognita.gateway.revocation;

import io.cognita.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session ids (sid) whose tokens the edge refuses, each kept until no token of it can still be valid.
 * In memory per replica, built from identity's durable list at start ({@link RevocationListLoader}) and
 * kept current by session.revoked events; also in Redis when {@code cognita.gateway.redis-url} is set, so
 * a replica that has not yet read an event refuses the session too. The check fails closed: until the
 * durable list is loaded, only a Redis hit is trusted (a miss may be a flushed Redis); any other answer is a 503.
 */
@ApplicationScoped
public class RevokedSessions {

    private static final Logger LOG = Logger.getLogger(RevokedSessions.class);
    private static final String PREFIX = "cognita:revoked-sid:";

    private final Map<String, Instant> local = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final Redis redis;
    private final RedisAPI api;
    private volatile boolean complete;

    public RevokedSessions(Vertx vertx, GatewayConfig config) {
        this.redis = config.redisUrl().filter(u -> !u.isBlank()).map(u -> Redis.createClient(vertx, u)).orElse(null);
        this.api = redis == null ? null : RedisAPI.api(redis);
        LOG.infof("revoked sessions kept %s", redis == null ? "in memory" : "in memory and in Redis");
    }

    public void revoke(String sid, Instant until) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return;
        }
        local.merge(sid, until, (a, b) -> a.isAfter(b) ? a : b);
        if (local.size() > 10_000) {
            local.values().removeIf(t -> t.isBefore(now));
        }
        if (redis != null) {
            redis.send(Request.cmd(Command.SET).arg(PREFIX + sid).arg(until.toString())
                            .arg("PX").arg(Math.max(1, until.toEpochMilli() - now.toEpochMilli())))
                    .onFailure(e -> LOG.warnf("could not record revoked session in Redis: %s", e.toString()));
        }
    }

    /** Adds every revocation of identity's durable list; from now on a local miss can be trusted. */
    public void loadDurable(Map<String, Instant> revocations) {
        Instant now = clock.instant();
        revocations.forEach((sid, until) -> {
            if (until.isAfter(now)) {
                local.merge(sid, until, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        complete = true;
    }

    /** True once identity's durable list has been loaded. */
    public boolean complete() {
        return complete;
    }

    /**
     * Whether a token of {@code sid} must be refused; a failed future when that cannot be known (the durable
     * list not loaded yet and Redis unreachable or absent): the caller refuses the request.
     */
    public Future<Boolean> isRevoked(String sid) {
        if (sid == null) {
            return Future.succeededFuture(false);
        }
        Instant until = local.get(sid);
        if (until != null && until.isAfter(clock.instant())) {
            return Future.succeededFuture(true);
        }
        if (api == null) {
            return complete ? Future.succeededFuture(false) : Future.failedFuture("revocation list not loaded yet");
        }
        // before the durable list is loaded only a Redis hit is trusted: a miss may be a flushed or evicted Redis
        return api.exists(List.of(PREFIX + sid))
                .compose(r -> r != null && r.toInteger() > 0 ? Future.succeededFuture(true)
                        : complete ? Future.succeededFuture(false) : Future.<Boolean>failedFuture("revocation list not loaded yet"))
                .recover(e -> {
                    LOG.debugf("revocation check: %s", e.toString());
                    return complete ? Future.succeededFuture(false)
                            : Future.failedFuture("revocation list not loaded yet and Redis unreachable or without an answer");
                });
    }

    @PreDestroy
    void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
