package io.cognita.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Found by review: behind the ingress, every client was the ingress controller (one rate limit for all). */
class ClientAddressTest {

    private final ClientAddress behindIngress = ClientAddress.trusting(List.of("10.0.0.0/8", "::1"));

    @Test
    void aTrustedProxysRightMostUntrustedHopIsTheClient() {
        assertEquals("203.0.113.7", behindIngress.of("10.1.2.3", List.of("203.0.113.7")));
        // what the client claimed on the left is not believed: the ingress appended what it saw
        assertEquals("198.51.100.9", behindIngress.of("10.1.2.3", List.of("203.0.113.7, 198.51.100.9")));
        assertEquals("198.51.100.9", behindIngress.of("10.1.2.3", List.of("203.0.113.7", "198.51.100.9, 10.0.0.5")));
        assertEquals("2001:db8::1", behindIngress.of("::1", List.of("[2001:db8::1]:4711")));
        assertEquals("198.51.100.9", behindIngress.of("10.1.2.3", List.of("198.51.100.9:443")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertEquals("203.0.113.7", behindIngress.of("203.0.113.7", List.of("10.0.0.1")));
        assertEquals("127.0.0.1", ClientAddress.trusting(List.of()).of("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", List.of()));
    }

    @Test
    void garbageInTheChainStopsTheWalkAtTheLastAddressSeen() {
        assertEquals("10.0.0.5", behindIngress.of("10.1.2.3", List.of("evil.example, 10.0.0.5")));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", List.of("unknown")));
    }

    @Test
    void theSchemeOfTheNearestTrustedProxyIsBelievedAndOnlyHttpOrHttps() {
        assertEquals("https", behindIngress.scheme("10.1.2.3", "http", List.of("https")));
        assertEquals("https", behindIngress.scheme("10.1.2.3", "http", List.of("http", "http, https")));
        assertEquals("http", behindIngress.scheme("203.0.113.7", "http", List.of("https")));
        assertEquals("http", behindIngress.scheme("10.1.2.3", "http", List.of("gopher")));
    }

    /** Found by the second review: a hop such as ab.cd.ef.ad went to the resolver (on the event loop). */
    @Test
    void aHopThatLooksLikeANameIsNeverResolved() {
        for (String name : List.of("ab.cd.ef.ad", "0a.1.2.3", ".a.b.c", "localhost")) {
            assertEquals("10.0.0.5", behindIngress.of("10.1.2.3", List.of(name + ", 10.0.0.5")), name);
            assertFalse(behindIngress.trusts(name), name);
        }
    }

    @Test
    void aClientsBucketIsItsCanonicalAddressAndAnIpv6ClientsIsItsSlash64() {
        assertEquals("203.0.113.7", ClientAddress.bucket("::ffff:203.0.113.7"));
        assertEquals(ClientAddress.bucket("2001:db8:1:2::1"), ClientAddress.bucket("2001:db8:1:2:ffff::9"));
        assertFalse(ClientAddress.bucket("2001:db8:1:2::1").equals(ClientAddress.bucket("2001:db8:1:3::1")));
    }

    @Test
    void blocksMatchByPrefixAndNamesAreRefusedAtStart() {
        ClientAddress some = ClientAddress.trusting(List.of("192.168.4.0/22", "fd00::/8"));
        assertTrue(some.trusts("192.168.7.255"));
        assertFalse(some.trusts("192.168.8.0"));
        assertTrue(some.trusts("fd12::1"));
        assertFalse(some.trusts("fe80::1"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("ingress.local")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("10.0.0.0/33")));
    }
}
