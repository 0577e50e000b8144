package io.cognita.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key handling. The key row is inserted in the same transaction as the work it guards, so
 * PostgreSQL's unique index serialises racing duplicates: the first does the work, the others wait for
 * its commit and replay its stored response (or do the work themselves if it rolled back). A duplicate
 * that waits longer than {@code cognita.idempotency.lock-timeout} gets 409 IDEMPOTENCY_REQUEST_IN_PROGRESS.
 * Keys are kept 24 h.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Duration lockTimeout;

    public IdempotentRequests(EntityManager em, ObjectMapper json,
                              @ConfigProperty(name = "cognita.idempotency.lock-timeout") Duration lockTimeout) {
        this.em = em;
        this.json = json;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Runs {@code action} once per caller and key and answers repeats with its stored response.
     * Without a key the action simply runs. {@code request} is what makes two requests "the same".
     */
    @Transactional
    public Response execute(String caller, String key, String method, String path, Object request,
                            Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = fingerprint(method, path, request);
        em.createNativeQuery("SELECT set_config('lock_timeout', :t, true)")
                .setParameter("t", lockTimeout.toMillis() + "ms").getSingleResult();
        em.createNativeQuery("DELETE FROM idempotency_keys WHERE caller = :c AND idem_key = :k "
                        + "AND created_at < now() - interval '24 hours'")
                .setParameter("c", caller).setParameter("k", key).executeUpdate();
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO idempotency_keys (caller, idem_key, request_hash) "
                            + "VALUES (:c, :k, :h) ON CONFLICT DO NOTHING")
                    .setParameter("c", caller).setParameter("k", key).setParameter("h", hash).executeUpdate();
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw inProgress();
            }
            throw e;
        }
        if (inserted == 0) {
            return replay(caller, key, hash);
        }
        Response response = action.get();
        String body = serialize(response.getEntity());
        em.createNativeQuery("UPDATE idempotency_keys SET response_status = :s, response_body = :b "
                        + "WHERE caller = :c AND idem_key = :k")
                .setParameter("s", response.getStatus()).setParameter("b", body)
                .setParameter("c", caller).setParameter("k", key).executeUpdate();
        return Response.status(response.getStatus()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private Response replay(String caller, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, response_body "
                        + "FROM idempotency_keys WHERE caller = :c AND idem_key = :k")
                .setParameter("c", caller).setParameter("k", key).getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            throw inProgress();
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.conflict("IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request.");
        }
        return Response.status(((Number) row[1]).intValue()).type(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true").entity(row[2]).build();
    }

    private String fingerprint(String method, String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Object entity) {
        try {
            return entity instanceof String s ? s : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("IDEMPOTENCY_REQUEST_IN_PROGRESS", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry later.");
    }
}
