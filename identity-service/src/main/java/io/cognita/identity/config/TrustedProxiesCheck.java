package io.cognita.identity.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stops identity-service at start when {@code quarkus.http.proxy.trusted-proxies} names anything but IPv4 addresses
 * and CIDR blocks. Quarkus takes any other entry for a host name (a bare IPv6 address such as {@code ::1} is read as
 * host ":" and port 1) and looks it up in DNS while serving requests: with an unreachable resolver requests stalled
 * for 5 s. IPv6 is written as a block ({@code ::1/128}).
 */
@ApplicationScoped
public class TrustedProxiesCheck {

    static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_BLOCK = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])");
    private static final Pattern IPV6_BLOCK = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(\\d{1,2}|1[01]\\d|12[0-8])");

    void onStart(@Observes StartupEvent ignored) {
        Optional<List<String>> entries = ConfigProvider.getConfig().getOptionalValues(PROPERTY, String.class);
        entries.ifPresent(TrustedProxiesCheck::requireAddresses);
    }

    static void requireAddresses(List<String> entries) {
        for (String entry : entries) {
            String value = entry.trim();
            if (!IPV4.matcher(value).matches() && !IPV4_BLOCK.matcher(value).matches() && !IPV6_BLOCK.matcher(value).matches()) {
                throw new IllegalStateException(PROPERTY + " (COGNITA_TRUSTED_PROXIES): '" + value
                        + "' is not an IPv4 address or a CIDR block; Quarkus would look it up in DNS while "
                        + "serving requests. Write IPv6 addresses as blocks (::1/128, fd00::/8) and name no hosts.");
            }
        }
    }
}
