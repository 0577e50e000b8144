package io.cognita.org.domain;

import java.util.List;

/** SubscriptionEntitlements: what a plan allows. */
public record Entitlements(int maxWorkspaces, int maxMembers, long transcriptionMinutesPerMonth, int translationLanguages,
                           List<String> features) {
}
