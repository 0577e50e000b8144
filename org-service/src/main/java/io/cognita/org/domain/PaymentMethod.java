package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** PaymentMethod: the provider's reference, brand and last four digits — never a card number. */
@Entity
@Table(name = "payment_methods")
public class PaymentMethod {

    @Id
    @Column(name = "org_id")
    public UUID orgId;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String brand;

    @Column(nullable = false)
    public String last4;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
