package io.cognita.gateway.edge;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One tunnelled WebSocket: the client's bytes go to the service as they come; the service's go to the client while
 * their frame ends are followed, so that when the gateway stops, the client gets a close frame 1012 (restarting,
 * reconnect) between two frames — and reconnects to another gateway — instead of a connection cut mid-frame (1006).
 */
final class TunnelRelay {

    static final int SERVICE_RESTART = 1012;
    static final String REASON = "gateway restarting: reconnect";
    /** How long a close may wait for the service's current frame to end before the tunnel is cut without one. */
    static final long CLOSE_WITHIN_MILLIS = 2000;

    private final NetSocket toClient;
    private final NetSocket toService;
    private final Context context;
    private final FrameBoundaries frames = new FrameBoundaries();
    private boolean closing;
    private boolean closed;

    TunnelRelay(NetSocket toClient, NetSocket toService, Context context) {
        this.toClient = toClient;
        this.toService = toService;
        this.context = context;
    }

    void start(Runnable whenClosed) {
        toService.exceptionHandler(failure -> toService.close());
        toClient.pipeTo(toService);
        toService.handler(this::fromService);
        toService.endHandler(v -> toClient.close());
        toClient.closeHandler(v -> {
            toService.close();
            whenClosed.run();
        });
    }

    /** Closes the tunnel with 1012 at the next frame end the service sends (at once when between frames). */
    void restart() {
        context.runOnContext(v -> {
            if (closing) {
                return;
            }
            closing = true;
            if (frames.atBoundary()) {
                sendClose();
                return;
            }
            // one endless frame, or framing the tracker lost: cut rather than wait for an end that may never come
            context.owner().setTimer(CLOSE_WITHIN_MILLIS, t -> {
                if (!closed) {
                    closed = true;
                    toService.close();
                    toClient.close();
                }
            });
        });
    }

    private void fromService(Buffer chunk) {
        if (closed) {
            return;
        }
        if (!closing) {
            frames.follow(chunk);
            write(chunk);
            return;
        }
        int frameEnd = frames.follow(chunk);
        if (frameEnd >= 0) {
            write(chunk.getBuffer(0, frameEnd));
            sendClose();
        } else {
            write(chunk);
        }
    }

    private void write(Buffer chunk) {
        toClient.write(chunk);
        if (toClient.writeQueueFull()) {
            toService.pause();
            toClient.drainHandler(v -> toService.resume());
        }
    }

    private void sendClose() {
        if (closed) {
            return;
        }
        closed = true;
        toClient.write(FrameBoundaries.closeFrame(SERVICE_RESTART, REASON));
        // the service's end must not close the client before it has read the close frame and answered it
        toService.endHandler(null);
        toService.close();
        context.owner().setTimer(1000, t -> toClient.close());
    }
}
