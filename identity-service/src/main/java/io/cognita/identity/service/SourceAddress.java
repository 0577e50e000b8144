package io.cognita.identity.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The source that sign-in limits count: an IPv4 address as is, an IPv6 address by its /64 (one subscriber
 * holds a whole /64, so counting single IPv6 addresses would give one client 2^64 fresh allowances).
 */
final class SourceAddress {

    private SourceAddress() {
    }

    static String of(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
