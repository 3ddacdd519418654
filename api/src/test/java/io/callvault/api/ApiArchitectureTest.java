package io.callvault.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The api module's shape: feature packages (auth, users, recordings, holds, …) over the plumbing in http
 * and errors, without cycles; only {@link Api} wires them; permissions come from the vault's access matrix
 * through Actor, never from a table of our own.
 */
class ApiArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.callvault.api");
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("io.callvault.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featurePackages_doNotDependOnTheWiring() {
        noClasses().that().resideInAPackage("io.callvault.api.*..")
                .should().dependOnClassesThat().resideInAPackage("io.callvault.api")
                .check(classes);
    }

    @Test
    void plumbing_knowsNoFeature() {
        noClasses().that().resideInAnyPackage("io.callvault.api.http..", "io.callvault.api.errors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.api.auth..", "io.callvault.api.users..",
                        "io.callvault.api.recordings..", "io.callvault.api.holds..", "io.callvault.api.retention..",
                        "io.callvault.api.dsar..", "io.callvault.api.audit..", "io.callvault.api.system..",
                        "io.callvault.api.policy..", "io.callvault.api.announcements..",
                        "io.callvault.api.calls..")
                .check(classes);
    }

    @Test
    void api_neverConsultsTheAccessMatrixDirectly_norKnowsStoresOrServer() {
        noClasses().that().resideInAPackage("io.callvault.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.callvault.vault.access.AccessMatrix")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.callvault.store..", "io.callvault.server..")
                .check(classes);
    }
}
