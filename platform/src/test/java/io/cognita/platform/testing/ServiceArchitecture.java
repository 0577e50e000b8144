package io.cognita.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules every service keeps, one set for all (a service's {@code ArchitectureTest} extends this):
 * dependencies point inward (rest → service → domain/repository; messaging → service), and every
 * {@code @Scheduled} job of the service and of platform runs in the production profile.
 */
public abstract class ServiceArchitecture {

    /** By name, so that a service without the scheduler extension needs no dependency for this check. */
    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /** The service's root package, e.g. {@code io.cognita.org}. */
    protected abstract String basePackage();

    private JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..messaging..", "..client..", "..repository..")
                .allowEmptyShould(true).check(classes());
    }

    @Test
    void servicesAndRepositoriesDoNotKnowTheHttpEdge() {
        noClasses().that().resideInAnyPackage("..service..", "..repository..", "..messaging..", "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..")
                .allowEmptyShould(true).check(classes());
    }

    @Test
    void restUsesServicesNotRepositoriesOrMessaging() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("..repository..", "..messaging..")
                .allowEmptyShould(true).check(classes());
    }

    @Test
    void repositoriesDoNotCallServices() {
        noClasses().that().resideInAPackage("..repository..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..messaging..", "..client..")
                .allowEmptyShould(true).check(classes());
    }

    @Test
    void everyScheduledJobRunsInTheProductionProfile() {
        SmallRyeConfig prod = productionConfig();
        assertTrue(prod.getOptionalValue("quarkus.scheduler.enabled", Boolean.class).orElse(true),
                "quarkus.scheduler.enabled is false in the prod profile");
        List<String> off = new ArrayList<>();
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage(), "io.cognita.platform");
        for (var type : all) {
            for (JavaMethod method : type.getMethods()) {
                if (!method.isAnnotatedWith(SCHEDULED)) {
                    continue;
                }
                var schedule = method.getAnnotationOfType(SCHEDULED);
                String every = resolve(prod, schedule.get("every").map(String::valueOf).orElse(""));
                String cron = resolve(prod, schedule.get("cron").map(String::valueOf).orElse(""));
                String effective = cron.isBlank() ? every : cron;
                if (effective.isBlank() || effective.equalsIgnoreCase("off") || effective.equalsIgnoreCase("disabled")) {
                    off.add(method.getFullName() + " = '" + effective + "'");
                }
            }
        }
        assertEquals(Collections.emptyList(), off, "scheduled jobs switched off in the prod profile");
    }

    /**
     * No dev-only secret reaches production by default: every property whose value mentions "dev-only"
     * must have no value in the prod profile unless the environment gives one (the start then fails with
     * "Could not expand value …", naming the variable).
     */
    @Test
    void noDevOnlyDefaultInTheProductionProfile() {
        SmallRyeConfig prod = productionConfig();
        List<String> inherited = new ArrayList<>();
        for (String name : prod.getPropertyNames()) {
            if (name.startsWith("%")) {
                continue;
            }
            try {
                String value = prod.getConfigValue(name).getValue();
                if (value != null && value.contains("dev-only")) {
                    inherited.add(name);
                }
            } catch (RuntimeException unresolvable) {
                // required in production: the start names the missing variable
            }
        }
        assertEquals(Collections.emptyList(), inherited, "dev-only defaults inherited by the prod profile");
    }

    /** The configuration a production start sees: the service's and platform's properties, profile prod, no environment. */
    protected SmallRyeConfig productionConfig() {
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile("prod");
            Path own = Path.of("src/main/resources/application.properties");
            if (Files.exists(own)) {
                builder.withSources(new PropertiesConfigSource(own.toUri().toURL(), 250));
            }
            for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
                builder.withSources(new PropertiesConfigSource(url, 100));
            }
            return builder.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resolve(SmallRyeConfig config, String value) {
        Matcher m = EXPRESSION.matcher(value.strip());
        if (!m.matches()) {
            return value.strip();
        }
        Optional<String> configured = config.getOptionalValue(m.group(1), String.class);
        return configured.orElse(m.group(2) == null ? "" : m.group(2));
    }
}
