package io.cognita.gateway.edge;

import io.cognita.gateway.config.GatewayConfig;
import io.cognita.gateway.routing.PathPattern;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fixed-window rate limits per policy and caller, in memory (one gateway replica's view; a shared store
 * comes with Redis). Answers with the IETF RateLimit fields of the policy closest to its limit.
 */
@ApplicationScoped
public class RateLimiter {

    private final List<Policy> policies = new ArrayList<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    private static final int PRUNE_ABOVE = 100_000;

    public RateLimiter(GatewayConfig config) {
        this.clock = Clock.systemUTC();
        for (GatewayConfig.RateLimitConfig c : config.rateLimits()) {
            policies.add(Policy.of(c));
        }
        policies.add(Policy.of(config.defaultRateLimit()));
    }

    /** Counts the request against every policy that covers it. */
    public Decision check(String method, String path, String callerKey) {
        long now = clock.millis();
        if (windows.size() > PRUNE_ABOVE) {
            forgetOldWindows(now);
        }
        Decision tightest = null;
        for (Policy policy : policies) {
            if (!policy.covers(method, path)) {
                continue;
            }
            long windowStart = now - now % policy.windowMillis;
            Window window = windows.compute(policy.name + "|" + callerKey, (k, w) ->
                    w == null || w.start != windowStart ? new Window(windowStart, 1) : new Window(windowStart, w.count + 1));
            long resetSeconds = Math.max(1, (windowStart + policy.windowMillis - now + 999) / 1000);
            Decision decision = new Decision(policy.name, policy.limit, policy.windowMillis / 1000,
                    Math.max(0, policy.limit - window.count), resetSeconds, window.count > policy.limit);
            if (tightest == null || decision.allowedFewer(tightest)) {
                tightest = decision;
            }
        }
        return tightest;
    }

    private void forgetOldWindows(long now) {
        long longest = policies.stream().mapToLong(p -> p.windowMillis).max().orElse(60_000);
        windows.values().removeIf(w -> w.start + longest < now);
    }

    private record Window(long start, int count) {
    }

    private record Policy(String name, PathPattern pattern, Set<String> methods, int limit, long windowMillis) {
        static Policy of(GatewayConfig.RateLimitConfig c) {
            return new Policy(c.name(), new PathPattern(c.pattern()),
                    c.methods().orElse(List.of()).stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
                    c.limit(), c.window().toMillis());
        }

        boolean covers(String method, String path) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
        }
    }

    /** The outcome for the policy that leaves the caller the least room. */
    public record Decision(String policy, int limit, long windowSeconds, int remaining, long resetSeconds,
                           boolean limited) {

        boolean allowedFewer(Decision other) {
            return limited && !other.limited || (limited == other.limited && remaining < other.remaining);
        }

        public String policyHeader() {
            return "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds;
        }

        public String stateHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }
}
