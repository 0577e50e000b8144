package io.cognita.identity.domain;

import jakarta.validation.constraints.Size;

/**
 * What a client says about the device it signs in from. {@code ip} is accepted for compatibility but never
 * believed: the session records the address the server saw ({@link #withIp}).
 */
public record DeviceInfo(@Size(max = 512) String userAgent, @Size(max = 64) String ip, @Size(max = 64) String platform,
                         @Size(max = 128) String deviceName) {

    public DeviceInfo withIp(String seen) {
        return new DeviceInfo(userAgent, seen, platform, deviceName);
    }
}
