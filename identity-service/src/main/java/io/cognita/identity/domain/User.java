package io.cognita.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person who signs in to Cognita. E-mail addresses are stored normalised (trimmed, lower case). */
@Entity
@Table(name = "users")
public class User {

    @Id
    public String id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "system_admin", nullable = false)
    public boolean systemAdmin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String locale;

    public String timezone;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Erases what identifies the person; the id stays so that references elsewhere resolve to "deleted". */
    public void erase(Instant now) {
        email = "deleted-" + id + "@invalid";
        passwordHash = null;
        displayName = "Deleted user";
        locale = null;
        timezone = null;
        avatarUrl = null;
        emailVerified = false;
        deletedAt = now;
        updatedAt = now;
    }

    public static String newId() {
        return "u-" + UUID.randomUUID();
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
