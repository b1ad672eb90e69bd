package org.pourparler.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's layers (style README): model ← analysis ← negotiation ← agents ← tournament and room
 * (side by side: simulations and live rooms), with io on top of them all and isolation (child JVMs, which read
 * specifications through io) above io; no package depends on one above it, and no two packages depend on each other.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pourparler");

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.pourparler..")
                .layer("model").definedBy("org.pourparler.model..")
                .layer("analysis").definedBy("org.pourparler.analysis..")
                .layer("negotiation").definedBy("org.pourparler.negotiation..")
                .layer("agents").definedBy("org.pourparler.agents..")
                .layer("tournament").definedBy("org.pourparler.tournament..")
                .layer("room").definedBy("org.pourparler.room..")
                .layer("io").definedBy("org.pourparler.io..")
                .layer("isolation").definedBy("org.pourparler.isolation..")
                .whereLayer("isolation").mayNotBeAccessedByAnyLayer()
                .whereLayer("io").mayOnlyBeAccessedByLayers("isolation")
                .whereLayer("tournament").mayOnlyBeAccessedByLayers("io", "isolation")
                .whereLayer("room").mayOnlyBeAccessedByLayers("io", "isolation")
                .whereLayer("agents").mayOnlyBeAccessedByLayers("tournament", "room", "io", "isolation")
                .whereLayer("negotiation").mayOnlyBeAccessedByLayers("agents", "tournament", "room", "io", "isolation")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("negotiation", "agents", "tournament", "room", "io", "isolation")
                .check(CORE);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.pourparler.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /** Also within io: the facade, our formats, GENIUS, GeniusWeb, tournament specifications and the shared source rules. */
    @Test
    void noPackageAtAnyDepthIsInACycle() {
        slices().matching("org.pourparler.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theFormatsShareOnlyTheSourceRules() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAnyPackage("org.pourparler.io.genius..",
                        "org.pourparler.io.geniusweb..", "org.pourparler.io.pourparler..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pourparler.io", "org.pourparler.io.tournament..")
                .check(CORE);
    }

    @Test
    void everyClassOfTheCoreWasImported() {
        // a rule over an empty import would pass vacuously
        org.assertj.core.api.Assertions.assertThat(CORE.stream().map(c -> c.getPackageName()).distinct())
                .contains("org.pourparler.model", "org.pourparler.analysis", "org.pourparler.negotiation", "org.pourparler.agents",
                        "org.pourparler.tournament", "org.pourparler.room", "org.pourparler.io", "org.pourparler.io.source", "org.pourparler.io.pourparler",
                        "org.pourparler.io.tournament", "org.pourparler.io.genius", "org.pourparler.io.geniusweb",
                        "org.pourparler.isolation");
    }
}
