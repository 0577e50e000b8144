package io.cognita.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a body whose declared length exceeds the limit with a 413 problem before anything reads it (Vert.x
 * itself would answer with an empty 413). The limit is {@code cognita.http.max-body} (JSON bodies), except on
 * the paths matching {@code cognita.http.streaming-paths} (bodies streamed to storage), which may go up to
 * {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final long maxStreamedBytes;
    private final Optional<Pattern> streamingPaths;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "cognita.http.max-body") MemorySize max,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxStreamed,
                     @ConfigProperty(name = "cognita.http.streaming-paths") Optional<String> streamingPaths,
                     ObjectMapper json) {
        this.maxBytes = Math.min(max.asLongValue(), maxStreamed.asLongValue());
        this.maxStreamedBytes = maxStreamed.asLongValue();
        this.streamingPaths = streamingPaths.map(Pattern::compile);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = streamingPaths.isPresent() && streamingPaths.get().matcher(ctx.request().path()).matches()
                    ? maxStreamedBytes : maxBytes;
            if (length != null && declaredTooLarge(length, limit)) {
                Problem problem = new Problem(Problem.typeFor("PAYLOAD_TOO_LARGE"), "Payload too large", 413,
                        "The request body exceeds " + limit + " bytes.", ctx.request().path(), "PAYLOAD_TOO_LARGE",
                        ctx.request().getHeader("X-Request-ID"),
                        List.of(new FieldError("$", "at most " + limit + " bytes")));
                try {
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(json.writeValueAsString(problem));
                } catch (JsonProcessingException e) {
                    ctx.fail(e);
                }
                return;
            }
            ctx.next();
        });
    }

    private static boolean declaredTooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
