package io.cognita.transcription.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live sockets one user holds on this replica: at most {@code maxSpeakers} speaking (each takes a decoder) and
 * {@code maxSockets} in all. A place is taken atomically before the socket does any work, so sockets opened at the
 * same moment cannot all pass the check; it is given back when the socket closes or is refused.
 */
final class SocketQuota {

    private record Held(int speakers, int sockets) {
    }

    private final int maxSpeakers;
    private final int maxSockets;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    SocketQuota(int maxSpeakers, int maxSockets) {
        this.maxSpeakers = maxSpeakers;
        this.maxSockets = maxSockets;
    }

    /** Takes a place; null when taken, else why not. */
    String reserve(String userId, boolean speaker) {
        String[] refusal = new String[1];
        held.compute(userId, (u, h) -> {
            Held now = h == null ? new Held(0, 0) : h;
            if (speaker && now.speakers() >= maxSpeakers) {
                refusal[0] = "At most " + maxSpeakers + " speaker sockets per user; close one first.";
                return h;
            }
            if (now.sockets() >= maxSockets) {
                refusal[0] = "At most " + maxSockets + " live sockets per user; close one first.";
                return h;
            }
            return new Held(now.speakers() + (speaker ? 1 : 0), now.sockets() + 1);
        });
        return refusal[0];
    }

    void release(String userId, boolean speaker) {
        held.computeIfPresent(userId, (u, h) -> {
            Held now = new Held(h.speakers() - (speaker ? 1 : 0), h.sockets() - 1);
            return now.sockets() <= 0 ? null : now;
        });
    }
}
