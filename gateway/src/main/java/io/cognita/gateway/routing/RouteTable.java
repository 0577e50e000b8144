package io.cognita.gateway.routing;

import io.cognita.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The configured routes, in order; the first match wins. */
@ApplicationScoped
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(GatewayConfig config) {
        this.routes = config.routes().stream().map(r -> {
            String base = config.services().get(r.service());
            if (base == null) {
                throw new IllegalStateException("route " + r.pattern() + " names unknown service " + r.service());
            }
            Set<String> methods = new HashSet<>();
            r.methods().orElse(List.of()).forEach(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            return new Route(new PathPattern(r.pattern()), Set.copyOf(methods), r.service(), URI.create(base), r.isPublic(),
                    r.maxBodyBytes().orElse(config.maxBodyBytes()));
        }).toList();
    }

    public Optional<Route> find(String method, String path) {
        return routes.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    public List<Route> all() {
        return routes;
    }
}
