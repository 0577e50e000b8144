package io.cognita.identity.rest;

import io.cognita.identity.domain.DeviceInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LoginRequest(@NotBlank @Email @Size(max = 320) String email,
                           @NotBlank @Size(max = 1024) String password,
                           @Valid DeviceInfo device) {
}
