package io.cognita.platform.request;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The X-Request-ID of the work in progress. It lives in the logging MDC (which Quarkus keeps on the
 * Vert.x duplicated context), so every log line, REST client call and outbox event of a request sees it.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /** The id a caller sent, if it is safe to log and echo, else a new one. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static void set(String id) {
        MDC.put(MDC_KEY, id);
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
