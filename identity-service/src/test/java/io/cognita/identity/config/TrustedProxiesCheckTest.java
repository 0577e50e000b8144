package io.cognita.identity.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrustedProxiesCheckTest {

    @Test
    void ipv4AddressesAndBlocksAreAccepted() {
        assertDoesNotThrow(() -> TrustedProxiesCheck.requireAddresses(
                List.of("127.0.0.1", "10.0.0.0/8", "192.168.1.0/24", "::1/128", "fd00::/8", "FD00:AB::/32")));
    }

    @Test
    void whatQuarkusWouldTakeForAHostNameIsRefused() {
        for (String entry : List.of("::1", "fd00::1", "ingress.local", "localhost", "", "10.0.0.0/8 ", " 10.0.0.0/8",
                "300.1.1.1", "1.2.3.256", "1.2.3.4/32 ")) {
            assertThrows(IllegalStateException.class, () -> TrustedProxiesCheck.requireAddresses(List.of(entry)), "'" + entry + "'");
        }
    }

    @Test
    void whatWouldStopQuarkusOrTheGatewayAtStartIsRefusedToo() {
        for (String entry : List.of("10.0.0.0/33", "::1/129", "::ffff:10.0.0.0/104", "::ffff:a00:0/8", "::ffff:a00:0/104",
                "10.0.0.0/x", "[::1]", "0.0.0.0/0", "::/0", "10.0.0.0/7")) {
            assertThrows(IllegalStateException.class, () -> TrustedProxiesCheck.requireAddresses(List.of(entry)), entry);
        }
    }
}
