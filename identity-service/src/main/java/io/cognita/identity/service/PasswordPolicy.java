package io.cognita.identity.service;

import io.cognita.platform.problem.ProblemException;

import java.util.Locale;

/** At least 12 characters (at most 1024), and not the account's e-mail address. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    public static void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ProblemException.invalidField(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalidField(field, "must not be the e-mail address");
        }
    }
}
