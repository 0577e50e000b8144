package io.cognita.identity.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * Stops identity-service at start when {@code quarkus.http.proxy.trusted-proxies} holds anything but IPv4 addresses
 * and CIDR blocks of /8 or narrower, written without spaces. Quarkus takes a bare IPv6 address ({@code ::1} is host
 * ":" and port 1), a block followed by a space or any host name for a host, looks it up in DNS while serving requests
 * (with an unreachable resolver requests stalled for 5 s) and does not trust the block, so every client would appear
 * as the gateway to the login throttle. IPv6 is written as a block ({@code ::1/128}). IPv4-mapped blocks are refused:
 * the gateway, which reads the same list, takes them for IPv4 ones. A block wider than /8 would trust almost any peer
 * to name its client.
 */
@ApplicationScoped
public class TrustedProxiesCheck {

    static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";

    void onStart(@Observes StartupEvent ignored) {
        Optional<List<String>> entries = ConfigProvider.getConfig().getOptionalValues(PROPERTY, String.class);
        entries.ifPresent(TrustedProxiesCheck::requireAddresses);
    }

    static void requireAddresses(List<String> entries) {
        for (String entry : entries) {
            if (!isIpv4Address(entry) && !isBlock(entry)) {
                throw new IllegalStateException(PROPERTY + " (COGNITA_TRUSTED_PROXIES): '" + entry
                        + "' is not an IPv4 address or a CIDR block of /8 or narrower (no spaces around entries, not "
                        + "IPv4-mapped). Write IPv6 addresses as blocks (::1/128, fd00::/8) and name no hosts.");
            }
        }
    }

    private static boolean isIpv4Address(String entry) {
        return Inet.parseInet4Address(entry) != null;
    }

    private static boolean isBlock(String entry) {
        int slash = entry.indexOf('/');
        if (slash < 0 || !entry.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        String network = entry.substring(0, slash);
        boolean ipv6 = network.contains(":");
        CidrAddress block = Inet.parseCidrAddress(entry);
        return block != null && block.getNetmaskBits() >= 8 && (block.getNetworkAddress() instanceof Inet4Address) != ipv6
                && !(ipv6 && isIpv4Mapped(network));
    }

    /** ::ffff:a.b.c.d, however written (dotted or hex), unmasked. */
    private static boolean isIpv4Mapped(String network) {
        byte[] bytes = Inet.parseInet6AddressToBytes(network);
        if (bytes == null) {
            return network.contains(".");
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
