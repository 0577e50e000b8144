package io.cognita.platform.faults;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a fault that goes away by itself (the database or broker unreachable, restarting, overloaded, a
 * lock or serialization conflict) from one that will fail the same way again (a bug, bad data). The first
 * is worth waiting for; the second is not.
 */
public final class TransientFaults {

    /** SQLSTATE classes and codes of faults that pass: connection (08), resources (53), operator (57), rollback (40), lock (55P03). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "40");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03");
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException");

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || TRANSIENT_TYPES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    /** True when the fault says the database cannot be reached at all (as opposed to a conflict on one row). */
    public static boolean isDatabaseUnreachable(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))
                        || state == null && acquisitionTimeout(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return acquisitionTimeout(sql);
        }
        return state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state);
    }

    /** Agroal's pool says so without a SQLSTATE when no connection could be had in time. */
    private static boolean acquisitionTimeout(SQLException sql) {
        String message = sql.getMessage();
        return message != null && message.contains("acquisition timeout");
    }
}
