package io.cognita.identity.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrustedProxiesCheckTest {

    @Test
    void addressesAndBlocksAreAccepted() {
        assertDoesNotThrow(() -> TrustedProxiesCheck.requireAddresses(
                List.of("127.0.0.1", "10.0.0.0/8", " 192.168.1.0/24 ", "::1/128", "fd00::/8", "::ffff:10.0.0.0/104")));
    }

    @Test
    void whatQuarkusWouldLookUpInDnsIsRefused() {
        for (String entry : List.of("::1", "fd00::1", "ingress.local", "localhost", "[::1]", "10.0.0.0/33", "::1/129", "")) {
            assertThrows(IllegalStateException.class, () -> TrustedProxiesCheck.requireAddresses(List.of(entry)), entry);
        }
    }
}
