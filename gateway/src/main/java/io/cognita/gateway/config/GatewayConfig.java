package io.cognita.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's routing table, limits and upstreams, all from configuration. */
@ConfigMapping(prefix = "cognita.gateway")
public interface GatewayConfig {

    /** Service name → base URL, e.g. {@code org → http://127.0.0.1:8082}. */
    Map<String, String> services();

    /** Routes in order; the first whose pattern (and method, if given) matches wins. */
    List<RouteConfig> routes();

    /** Per-route rate limits, checked in order; every matching one applies. */
    List<RateLimitConfig> rateLimits();

    /** The overall limit per token (or per client address for public routes). */
    RateLimitConfig defaultRateLimit();

    /** How long the gateway waits for an upstream's response before answering 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    @WithDefault("2s")
    Duration upstreamConnectTimeout();

    /** Largest request body passed on; larger ones get 413. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** The suite's shared token for /api/internal/** calls (identity's revocation list). */
    String internalToken();

    /**
     * Proxies in front of the gateway (addresses or CIDR blocks, the ingress controller's pods) whose X-Forwarded-For
     * and X-Forwarded-Proto are believed; none when empty.
     */
    Optional<List<String>> trustedProxies();

    /** Redis shared by the replicas for revoked sessions; in memory only when absent. */
    Optional<String> redisUrl();

    Revocation revocation();

    interface Revocation {
        /** identity's topic, where session.revoked is published. */
        @WithDefault("cognita.identity")
        String topic();

        @WithDefault("true")
        boolean enabled();

        /** identity's list of revocations in force, the durable source read at start and then periodically. */
        @WithDefault("${cognita.gateway.services.identity}/api/internal/revoked-sessions")
        String source();

        @WithDefault("5m")
        Duration reloadEvery();
    }

    interface RouteConfig {
        /** Path pattern: {@code *} is one segment, {@code **} any number of trailing segments. */
        String pattern();

        Optional<List<String>> methods();

        String service();

        /** Public routes need no token. */
        @WithDefault("false")
        boolean isPublic();

        /** This route's body limit, where it differs from max-body-bytes (recording parts). */
        Optional<Long> maxBodyBytes();
    }

    interface RateLimitConfig {
        String name();

        @WithDefault("/api/**")
        String pattern();

        Optional<List<String>> methods();

        int limit();

        @WithDefault("60s")
        Duration window();
    }
}
