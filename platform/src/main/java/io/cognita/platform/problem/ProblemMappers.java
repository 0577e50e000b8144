package io.cognita.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.cognita.platform.faults.TransientFaults;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns every failure into an RFC 9457 problem: bad input is a 4xx with {@code errors}, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, instance(uri));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return badInput("UNKNOWN_FIELD", "The request body has a field this endpoint does not accept.", uri,
                new FieldError(path(e), "unknown field"));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        if (target == null || !target.isEnum()) {
            return badInput("INVALID_TYPE", "A field of the request body has the wrong JSON type.", uri,
                    new FieldError(path(e), "must be " + typeName(target)));
        }
        String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                .map(ProblemMappers::wireName).collect(Collectors.joining(", "));
        return badInput("INVALID_VALUE", "A field of the request body has a value that is not allowed.", uri,
                new FieldError(path(e), "must be one of: " + allowed));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return badInput("MALFORMED_JSON", "The request body is not the JSON this endpoint expects.", uri,
                    new FieldError("$", "expected " + typeName(e.getTargetType())));
        }
        return badInput("INVALID_TYPE", "A field of the request body has the wrong JSON type.", uri,
                new FieldError(path(e), "must be " + typeName(e.getTargetType())));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "unparseable JSON"
                : "unparseable JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return badInput("MALFORMED_JSON", "The request body is not valid JSON.", uri, new FieldError("$", where));
    }

    @ServerExceptionMapper
    public Response invalidRequest(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e,
                                   UriInfo uri) {
        return invalid(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(path(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return ProblemResponses.of(400, "VALIDATION_FAILED", "Invalid request", "The request is not valid.",
                instance(uri), errors, null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "FORBIDDEN", "Forbidden", "The caller may not do this.", instance(uri), null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? jsonMapping(mapping, uri) : malformed(json, uri);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return ProblemResponses.of(status, "INTERNAL_ERROR", "Internal error", "The request could not be completed.",
                    instance(uri), null, null);
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return ProblemResponses.of(status, code, title, title + ".", instance(uri), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isConcurrentUpdate(e)) {
            return ProblemResponses.of(409, "CONCURRENT_UPDATE", "Changed meanwhile",
                    "Another request changed the same resource at the same time; read it again and retry.",
                    instance(uri), null, null);
        }
        if (TransientFaults.isDatabaseUnreachable(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return ProblemResponses.of(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                    "The service's database cannot be reached right now; retry shortly.", instance(uri), null,
                    Map.of("Retry-After", "5"));
        }
        LOG.error("request failed", e);
        return ProblemResponses.of(500, "INTERNAL_ERROR", "Internal error", "The request could not be completed.",
                instance(uri), null, null);
    }

    /** An optimistic-lock failure (the row's version moved under us), however the transaction wrapped it. */
    private static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e instanceof InvalidFormatException format) {
            return invalidValue(format, uri);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, uri);
        }
        return malformed(e, uri);
    }

    private static Response unauthorized(UriInfo uri) {
        return ProblemResponses.of(401, "UNAUTHORIZED", "Unauthorized",
                "A valid bearer token is required.", instance(uri), null, Map.of("WWW-Authenticate", "Bearer"));
    }

    private static Response badInput(String code, String detail, UriInfo uri, FieldError error) {
        return ProblemResponses.of(400, code, "Invalid request", detail, instance(uri), List.of(error), null);
    }

    private static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    static String path(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && node.getName() == null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static String wireName(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different JSON type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
