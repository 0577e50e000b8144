package io.cognita.gateway.edge;

import io.cognita.gateway.routing.Route;
import io.cognita.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Turns an upstream that cannot be reached into 503 and one that does not answer in time into 504. */
@ApplicationScoped
public class UpstreamErrors implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamErrors.class);
    private final ProblemWriter problems;
    private final RouteTable routes;

    public UpstreamErrors(ProblemWriter problems, RouteTable routes) {
        this.problems = problems;
        this.routes = routes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            boolean timeout = isTimeout(failure);
            int status = timeout ? 504 : 503;
            io.vertx.core.http.HttpServerRequest request = context.request().proxiedRequest();
            String service = routes.find(request.method().name(), request.path())
                    .map(Route::service).orElse("upstream");
            if (request.response().closed()) {
                // the client went away mid-request and the proxy reset the upstream stream: nothing failed
                LOG.debugf("client gone; request to %s reset: %s", service, failure.toString());
            } else {
                LOG.warnf("upstream %s failed: %s", service, failure.toString());
            }
            String body = problems.body(status, timeout ? "UPSTREAM_TIMEOUT" : "SERVICE_UNAVAILABLE",
                    timeout ? "Gateway timeout" : "Service unavailable",
                    timeout ? "The " + service + " service did not answer in time."
                            : "The " + service + " service is not reachable.",
                    context.request().getURI(), context.request().headers().get(EdgeRequest.REQUEST_ID));
            ProxyResponse response = context.request().release().response()
                    .setStatusCode(status)
                    .setBody(Body.body(Buffer.buffer(body)));
            response.headers().set("Content-Type", ProblemWriter.MEDIA_TYPE);
            return Future.succeededFuture(response);
        });
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (t instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }
}
