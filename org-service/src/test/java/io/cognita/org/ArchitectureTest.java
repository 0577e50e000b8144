package io.cognita.org;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point inward: rest → service → domain/repository; domain knows no edge. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cognita.org");

    @Test
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..messaging..", "..client..", "..repository..")
                .check(classes);
    }

    @Test
    void servicesDoNotKnowTheHttpEdge() {
        noClasses().that().resideInAnyPackage("..service..", "..repository..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..")
                .check(classes);
    }

    @Test
    void repositoriesDoNotCallServices() {
        noClasses().that().resideInAPackage("..repository..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..messaging..")
                .check(classes);
    }
}
