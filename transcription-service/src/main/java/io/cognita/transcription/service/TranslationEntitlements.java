package io.cognita.transcription.service;

import io.cognita.platform.orgview.OrgProfile;
import io.cognita.platform.orgview.OrgView;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.repository.TranslationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whether an org may have its transcripts translated into a language, from the org view: its
 * {@code translationEnabled} setting, and its plan's {@code translationLanguages} — how many target languages the
 * org may use (FREE 0, PRO 3, ENTERPRISE 20): a language the org already translates into stays allowed, a new one
 * only while fewer are in use. Live translation needs a plan with at least one, and the {@code realTimeTranslation}
 * feature flag.
 */
@ApplicationScoped
public class TranslationEntitlements {

    private final OrgView orgs;
    private final TranslationRepository translations;

    public TranslationEntitlements(OrgView orgs, TranslationRepository translations) {
        this.orgs = orgs;
        this.translations = translations;
    }

    /** Null when a stored translation into {@code lang} is allowed, else the condition that fails. */
    @Transactional
    public String translationRefusal(UUID orgId, String lang) {
        OrgProfile org = orgs.profile(orgId);
        String refusal = basics(org);
        if (refusal != null) {
            return refusal;
        }
        long allowed = org.entitlement("translationLanguages", 0);
        Set<String> inUse = translations.targetLanguagesOfOrg(orgId).stream().map(LanguagePair::primary)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!inUse.contains(LanguagePair.primary(lang)) && inUse.size() >= allowed) {
            return "the organization's plan allows " + allowed + " translation language(s) (translationLanguages), all in use: " + inUse;
        }
        return null;
    }

    /** Null when live translation is allowed for the org, else the condition that fails. */
    @Transactional
    public String liveTranslationRefusal(UUID orgId) {
        OrgProfile org = orgs.profile(orgId);
        String refusal = basics(org);
        if (refusal != null) {
            return refusal;
        }
        if (org.featureFlags() == null || !org.featureFlags().path("realTimeTranslation").asBoolean(false)) {
            return "the organization's realTimeTranslation feature flag is off";
        }
        return null;
    }

    private static String basics(OrgProfile org) {
        if (!"true".equals(org.setting("translationEnabled", "false"))) {
            return "the organization's translationEnabled setting is off";
        }
        if (org.entitlement("translationLanguages", 0) <= 0) {
            return "the organization's plan includes no translation languages (translationLanguages 0)";
        }
        return null;
    }
}
