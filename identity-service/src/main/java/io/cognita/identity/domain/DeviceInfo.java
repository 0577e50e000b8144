package io.cognita.identity.domain;

import jakarta.validation.constraints.Size;

/** What a client says about the device it signs in from. */
public record DeviceInfo(@Size(max = 512) String userAgent, @Size(max = 64) String ip, @Size(max = 64) String platform,
                         @Size(max = 128) String deviceName) {
}
