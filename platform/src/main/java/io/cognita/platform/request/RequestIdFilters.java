package io.cognita.platform.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Accepts or creates the request id before routing and echoes it on every response. */
public class RequestIdFilters {

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void accept(ContainerRequestContext request) {
        String id = RequestId.acceptOrGenerate(request.getHeaderString(RequestId.HEADER));
        request.getHeaders().putSingle(RequestId.HEADER, id);
        request.setProperty(RequestId.MDC_KEY, id);
        RequestId.set(id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestId.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestId.HEADER, id);
        }
    }
}
