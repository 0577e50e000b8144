package io.cognita.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.paging.PageRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Test-only endpoints of platform's own test application: echo what arrived, page with a typed cursor. */
@Path("/test/echo")
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    public record Body(String name, Map<String, Object> extra) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Body echo(Body body) {
        return body;
    }

    @GET
    @Path("/{word}")
    public Map<String, Object> word(@PathParam("word") String word, @QueryParam("q") String q) {
        return Map.of("word", word, "q", q == null ? "" : q);
    }

    @GET
    @Path("/page/items")
    public Map<String, Object> page(@QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(null, cursor, 2);
        return page.after() == null ? Map.of() : Map.of("at", page.instantAfter(0).toString(), "id", page.uuidAfter(1).toString());
    }
}
