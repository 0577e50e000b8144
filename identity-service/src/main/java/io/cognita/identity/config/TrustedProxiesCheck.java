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
 * and CIDR blocks, as Quarkus reads them (untrimmed: a space around an entry makes it a host name to Quarkus). Quarkus
 * takes a bare IPv6 address such as {@code ::1} for host ":" and port 1, and any host name it looks up in DNS while
 * serving requests: with an unreachable resolver requests stalled for 5 s, and a block that is not one is not trusted
 * (every client would appear as the gateway to the login throttle). IPv6 is written as a block ({@code ::1/128});
 * IPv4-mapped blocks are refused because the gateway, which reads the same list, counts their prefix as IPv4.
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
                        + "' is not an IPv4 address or a CIDR block (no spaces around entries); Quarkus would take it "
                        + "for a host name. Write IPv6 addresses as blocks (::1/128, fd00::/8) and name no hosts.");
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
        CidrAddress block = Inet.parseCidrAddress(entry);
        boolean mapped = network.contains(":") && network.contains(".");
        return block != null && !mapped && (block.getNetworkAddress() instanceof Inet4Address) == !network.contains(":");
    }
}
