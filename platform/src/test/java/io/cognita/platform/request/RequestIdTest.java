package io.cognita.platform.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @Test
    void aSafeIdIsKeptAnUnsafeOneReplaced() {
        assertEquals("abc-123_x.y:z", RequestId.acceptOrGenerate("abc-123_x.y:z"));
        String replaced = RequestId.acceptOrGenerate("evil\r\nSet-Cookie: x");
        assertNotEquals("evil\r\nSet-Cookie: x", replaced);
        assertTrue(replaced.matches("[0-9a-f-]{36}"));
        assertTrue(RequestId.acceptOrGenerate("x".repeat(129)).matches("[0-9a-f-]{36}"));
        assertTrue(RequestId.acceptOrGenerate(null).matches("[0-9a-f-]{36}"));
    }
}
