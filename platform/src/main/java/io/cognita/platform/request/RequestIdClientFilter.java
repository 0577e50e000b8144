package io.cognita.platform.request;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Passes the current request id on to every REST client call. */
@Provider
public class RequestIdClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String id = RequestId.current();
        if (id != null && !request.getHeaders().containsKey(RequestId.HEADER)) {
            request.getHeaders().putSingle(RequestId.HEADER, id);
        }
    }
}
