package io.cognita.platform.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Test-only endpoint of platform's own test application: who the caller is. */
@Path("/test/whoami")
public class WhoAmIResource {

    private final Caller caller;

    public WhoAmIResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> whoami() {
        return Map.of("id", caller.id(), "systemAdmin", caller.isSystemAdmin());
    }
}
