package io.cognita.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

    @Inject
    EntityManager em;

    /** Touches the database: how many org statuses are known. */
    @GET
    @Path("/db/count")
    @Transactional
    public Map<String, Object> count() {
        return Map.of("count", ((Number) em.createNativeQuery("SELECT count(*) FROM org_status").getSingleResult()).longValue());
    }

    @GET
    @Path("/page/items")
    public Map<String, Object> page(@QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(null, cursor, 2);
        return page.after() == null ? Map.of() : Map.of("at", page.instantAfter(0).toString(), "id", page.uuidAfter(1).toString());
    }
}
