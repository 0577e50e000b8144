package io.cognita.gateway.edge;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame ends found in a WebSocket stream however it is cut into chunks: short, 16-bit and 64-bit lengths, masks. */
class FrameBoundariesTest {

    @Test
    void framesEndWhereTheirLengthsSayWhateverTheChunks() {
        Buffer small = frame(5, false);
        Buffer medium = frame(300, false);
        Buffer large = frame(70_000, false);
        Buffer masked = frame(10, true);
        Buffer stream = Buffer.buffer().appendBuffer(small).appendBuffer(medium).appendBuffer(large).appendBuffer(masked);

        FrameBoundaries whole = new FrameBoundaries();
        assertEquals(small.length(), whole.follow(stream), "the first frame end of a chunk");
        assertTrue(whole.atBoundary());

        for (int cut : new int[] {1, 2, 3, 7, 1000}) {
            FrameBoundaries frames = new FrameBoundaries();
            int ends = 0;
            for (int at = 0; at < stream.length(); at += cut) {
                Buffer chunk = stream.getBuffer(at, Math.min(stream.length(), at + cut));
                if (frames.follow(chunk) >= 0) {
                    ends++;
                }
            }
            assertTrue(frames.atBoundary(), "chunks of " + cut);
            assertTrue(ends >= 1 && ends <= 4, "chunks of " + cut);
        }

        FrameBoundaries midway = new FrameBoundaries();
        assertEquals(-1, midway.follow(medium.getBuffer(0, 100)));
        assertFalse(midway.atBoundary());
        assertEquals(medium.length() - 100, midway.follow(medium.getBuffer(100, medium.length())));
    }

    @Test
    @Timeout(5)
    void aLengthWithItsTopBitSetLosesTheFramingInsteadOfLoopingOrThrowing() {
        Buffer forbidden = Buffer.buffer().appendByte((byte) 0x82).appendByte((byte) 127).appendLong(-10L).appendBytes(new byte[20]);
        FrameBoundaries frames = new FrameBoundaries();
        assertEquals(-1, frames.follow(forbidden));
        assertFalse(frames.atBoundary());
        assertEquals(-1, frames.follow(frame(3, false)), "no frame end is believed any more");
        assertFalse(frames.atBoundary());
    }

    @Test
    void anEmptyFrameEndsRightAfterItsHeader() {
        FrameBoundaries frames = new FrameBoundaries();
        assertEquals(2, frames.follow(Buffer.buffer().appendBuffer(frame(0, false)).appendBuffer(frame(4, false))));
    }

    @Test
    void theCloseFrameCarriesItsCodeAndReason() {
        Buffer close = FrameBoundaries.closeFrame(1012, "restart");
        assertEquals((byte) 0x88, close.getByte(0));
        assertEquals(2 + 7, close.getByte(1));
        assertEquals(1012, close.getShort(2));
        assertEquals("restart", close.getString(4, close.length()));
        FrameBoundaries frames = new FrameBoundaries();
        assertEquals(close.length(), frames.follow(close));
    }

    /** A binary frame with {@code length} bytes of payload. */
    private static Buffer frame(int length, boolean masked) {
        Buffer frame = Buffer.buffer().appendByte((byte) 0x82);
        int mask = masked ? 0x80 : 0;
        if (length < 126) {
            frame.appendByte((byte) (mask | length));
        } else if (length < 65_536) {
            frame.appendByte((byte) (mask | 126)).appendShort((short) length);
        } else {
            frame.appendByte((byte) (mask | 127)).appendLong(length);
        }
        if (masked) {
            frame.appendInt(0x01020304);
        }
        return frame.appendBytes(new byte[length]);
    }
}
