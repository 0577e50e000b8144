package io.cognita.gateway.routing;

import java.net.URI;
import java.util.Set;

/**
 * One entry of the routing table: which requests go to which upstream, whether they need a token, and the
 * largest body passed on (bodies are streamed to the upstream, never held whole).
 */
public record Route(PathPattern pattern, Set<String> methods, String service, URI upstream, boolean isPublic,
                   long maxBodyBytes) {

    public boolean matches(String method, String path) {
        return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
    }
}
