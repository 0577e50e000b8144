package io.cognita.identity.service;

/** What a successful sign-in returns. */
public record AuthTokens(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {

    public record UserView(String userId, String email, String displayName) {
    }
}
