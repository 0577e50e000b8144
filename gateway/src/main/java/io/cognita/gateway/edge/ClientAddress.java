package io.cognita.gateway.edge;

import io.netty.util.NetUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is when the gateway sits behind proxies it trusts (the ingress controller's pods): the peer, unless
 * the peer is trusted, then the right-most address of X-Forwarded-For that is not a trusted proxy (what a client puts
 * on the left is its own claim, and never believed). The same for the scheme, from X-Forwarded-Proto.
 */
final class ClientAddress {

    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> trusted;

    private ClientAddress(List<Block> trusted) {
        this.trusted = trusted;
    }

    /** Addresses and CIDR blocks ("10.0.0.0/8", "127.0.0.1", "::1"); anything else stops the gateway at start. */
    static ClientAddress trusting(List<String> proxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : proxies) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            String[] parts = value.split("/", 2);
            byte[] network = parse(parts[0]);
            int max = network == null ? 0 : network.length * 8;
            int bits;
            try {
                bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (network == null || bits < 0 || bits > max) {
                throw new IllegalArgumentException("cognita.gateway.trusted-proxies: not an address or CIDR block: " + value);
            }
            blocks.add(new Block(network, bits));
        }
        return new ClientAddress(List.copyOf(blocks));
    }

    boolean trusts(String address) {
        byte[] bytes = parse(address);
        return bytes != null && trusted.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The client's address, given the peer's and the X-Forwarded-For values that came (null when none). */
    String of(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = withoutPort(hops.get(i));
            if (parse(hop) == null) {
                return client; // not an address: nothing to its left can be believed either
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** "https" or "http" as the nearest trusted proxy saw it, else the scheme the gateway itself was reached with. */
    String scheme(String peer, String ownScheme, List<String> forwardedProto) {
        if (forwardedProto == null || forwardedProto.isEmpty() || !trusts(peer)) {
            return ownScheme;
        }
        String[] values = forwardedProto.get(forwardedProto.size() - 1).split(",");
        String last = values[values.length - 1].trim().toLowerCase(java.util.Locale.ROOT);
        return last.equals("https") || last.equals("http") ? last : ownScheme;
    }

    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** The bytes of an IP literal; null for anything else (never a name lookup: a hop is a client's claim). */
    private static byte[] parse(String address) {
        byte[] bytes = address == null || address.isEmpty() || address.length() > 45 ? null
                : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            return java.util.Arrays.copyOfRange(bytes, 12, 16); // ::ffff:a.b.c.d is a.b.c.d
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /**
     * The rate-limit key of a client: its canonical address, an IPv4-mapped IPv6 address as the IPv4 one, and an
     * IPv6 client by its /64 (what one subscriber is given, so rotating within it buys nothing).
     */
    static String bucket(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 16) {
            bytes = java.util.Arrays.copyOf(bytes, 16);
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            return NetUtil.bytesToIpAddress(bytes) + "/64";
        }
        return NetUtil.bytesToIpAddress(bytes);
    }
}
