package io.cognita.identity.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A timestamptz column of a native query row, as whichever type the driver handed over. */
final class DbTimestamps {

    private DbTimestamps() {
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }
}
