package io.cognita.identity.rest;

import io.cognita.platform.validation.IanaTimeZone;
import io.cognita.platform.validation.LanguageTag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the Auth endpoints. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(@NotBlank @Email @Size(max = 320) String email,
                           @NotBlank @Size(max = 1024) String password,
                           @NotBlank @Size(max = 200) String displayName,
                           @LanguageTag String locale,
                           @IanaTimeZone String timezone) {
    }

    public record TokenOnly(@NotBlank @Size(max = 512) String token) {
    }

    public record Refresh(@NotBlank @Size(max = 512) String refreshToken) {
    }

    public record Logout(Boolean allSessions) {
    }

    public record EmailOnly(@NotBlank @Email @Size(max = 320) String email) {
    }

    public record ResetPassword(@NotBlank @Size(max = 512) String token, @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record ChangePassword(@NotBlank @Size(max = 1024) String currentPassword,
                                 @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record ResetFor(@Size(max = 64) @Pattern(regexp = "u-[0-9a-f-]{36}", message = "must be a user id") String userId) {
    }

    public record DeleteAccount(@Size(max = 1024) String currentPassword) {
    }

    public record UpdateProfile(@Size(min = 1, max = 200) String displayName,
                                @LanguageTag String locale,
                                @IanaTimeZone String timezone,
                                @Size(max = 2048) @Pattern(regexp = "(https://\\S+)?", message = "must be an https URL") String avatarUrl) {
    }

    public record IssueProvisioningToken(@NotBlank @Size(max = 200) String name,
                                         @Min(1) @Max(3650) Integer validDays) {
    }
}
