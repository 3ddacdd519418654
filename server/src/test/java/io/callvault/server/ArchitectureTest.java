package io.callvault.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module dependency direction of the architecture note:
 * server → vault, stores → vault-spi → core. Each rule names the layer that must stay independent.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.callvault");
    }

    @Test
    void policy_dependsOnCoreOnly() {
        noClasses().that().resideInAPackage("io.callvault.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.vault..", "io.callvault.store..",
                        "io.callvault.server..", "io.callvault.api..", "io.callvault.sip..", "io.callvault.media..",
                        "io.callvault.sdp..", "io.callvault.testkit..")
                .check(classes);
    }

    @Test
    void api_knowsNoServerStoreOrProtocol() {
        noClasses().that().resideInAPackage("io.callvault.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.server..", "io.callvault.store..",
                        "io.callvault.sip..", "io.callvault.media..", "io.callvault.testkit..")
                .check(classes);
    }

    @Test
    void vault_knowsNoApiOrPolicy() {
        noClasses().that().resideInAPackage("io.callvault.vault..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.api..", "io.callvault.policy..")
                .check(classes);
    }

    @Test
    void core_dependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.callvault.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.vault..", "io.callvault.store..",
                        "io.callvault.server..", "io.callvault.testkit..")
                .check(classes);
    }

    @Test
    void spi_dependsOnlyOnCore() {
        noClasses().that().resideInAPackage("io.callvault.vault.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.store..", "io.callvault.server..",
                        "io.callvault.testkit..")
                .orShould().dependOnClassesThat().resideInAPackage("io.callvault.vault")
                .check(classes);
    }

    @Test
    void vault_doesNotKnowStoresOrServer() {
        noClasses().that().resideInAPackage("io.callvault.vault..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.store..", "io.callvault.server..",
                        "io.callvault.testkit..")
                .check(classes);
    }

    @Test
    void stores_dependOnlyOnTheSpi() {
        noClasses().that().resideInAPackage("io.callvault.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.server..", "io.callvault.testkit..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.callvault.vault", "io.callvault.vault.crypto..",
                        "io.callvault.vault.keys..", "io.callvault.vault.format..", "io.callvault.vault.wav..")
                .check(classes);
    }

    @Test
    void sipMediaAndSdp_knowNothingOfVaultStoresOrServer() {
        noClasses().that().resideInAnyPackage("io.callvault.sip..", "io.callvault.media..", "io.callvault.sdp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.vault..", "io.callvault.store..",
                        "io.callvault.server..", "io.callvault.testkit..")
                .check(classes);
    }

    @Test
    void sdp_dependsOnNeitherSipNorMedia_andMediaNotOnSip() {
        noClasses().that().resideInAPackage("io.callvault.sdp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.callvault.sip..", "io.callvault.media..")
                .check(classes);
        noClasses().that().resideInAPackage("io.callvault.media..")
                .should().dependOnClassesThat().resideInAPackage("io.callvault.sip..")
                .check(classes);
        noClasses().that().resideInAPackage("io.callvault.sip..")
                .should().dependOnClassesThat().resideInAPackage("io.callvault.media..")
                .check(classes);
    }

    @Test
    void storesDoNotDependOnEachOther() {
        for (String store : new String[] {"fs", "s3", "sql"}) {
            noClasses().that().resideInAPackage("io.callvault.store." + store + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherStores(store))
                    .check(classes);
        }
    }

    private static String[] otherStores(String store) {
        return java.util.stream.Stream.of("fs", "s3", "sql").filter(s -> !s.equals(store))
                .map(s -> "io.callvault.store." + s + "..").toArray(String[]::new);
    }
}
