package io.cognita.gateway.edge;

import io.vertx.core.buffer.Buffer;

/**
 * Follows a WebSocket byte stream (RFC 6455 framing) to know where its frames end, so that a frame of the gateway's
 * own (a close) can be put between two frames of a tunnelled connection instead of inside one. A control frame may
 * come between the fragments of a message, so every frame end is a place for it.
 */
final class FrameBoundaries {

    private final byte[] header = new byte[14];
    private int headerRead;
    private long payloadLeft;
    private boolean inPayload;
    private boolean lost;

    /** Whether the bytes followed so far end exactly at the end of a frame (never once the stream broke the framing). */
    boolean atBoundary() {
        return !lost && !inPayload && headerRead == 0;
    }

    /**
     * Follows {@code chunk} and answers the length of its prefix that ends at the first frame end in it, or -1 when
     * no frame ends in it.
     */
    int follow(Buffer chunk) {
        if (lost) {
            return -1;
        }
        int first = -1;
        int i = 0;
        int length = chunk.length();
        while (i < length) {
            if (inPayload) {
                long take = Math.min(payloadLeft, length - i);
                i += (int) take;
                payloadLeft -= take;
            } else {
                header[headerRead++] = chunk.getByte(i++);
                int needed = headerLength();
                if (headerRead < needed) {
                    continue;
                }
                payloadLeft = payloadLength();
                if (payloadLeft < 0) {
                    // a 64-bit length with its top bit set, which RFC 6455 forbids: frame ends can no longer be known
                    lost = true;
                    return first;
                }
                headerRead = 0;
                inPayload = true;
            }
            if (inPayload && payloadLeft == 0) {
                inPayload = false;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return first;
    }

    private int headerLength() {
        if (headerRead < 2) {
            return 2;
        }
        int len7 = header[1] & 0x7f;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        boolean masked = (header[1] & 0x80) != 0;
        return 2 + extended + (masked ? 4 : 0);
    }

    private long payloadLength() {
        int len7 = header[1] & 0x7f;
        if (len7 == 126) {
            return ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
        }
        if (len7 == 127) {
            long value = 0;
            for (int b = 2; b < 10; b++) {
                value = (value << 8) | (header[b] & 0xffL);
            }
            return value;
        }
        return len7;
    }

    /** A close frame from the server side (unmasked) with its status code and reason. */
    static Buffer closeFrame(int code, String reason) {
        byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Buffer frame = Buffer.buffer(4 + text.length);
        frame.appendByte((byte) 0x88).appendByte((byte) (2 + text.length)).appendShort((short) code).appendBytes(text);
        return frame;
    }
}
