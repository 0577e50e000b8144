package io.cognita.identity.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SourceAddressTest {

    @Test
    void ipv6CountsByItsSlash64AndIpv4AsIs() {
        assertEquals(SourceAddress.of("2001:db8:1:2::1"), SourceAddress.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertNotEquals(SourceAddress.of("2001:db8:1:2::1"), SourceAddress.of("2001:db8:1:3::1"));
        assertEquals("203.0.113.7", SourceAddress.of("203.0.113.7"));
        assertNotEquals(SourceAddress.of("203.0.113.7"), SourceAddress.of("203.0.113.8"));
    }
}
