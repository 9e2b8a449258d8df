package io.animops.operator.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules written down in operator/README.md ("Layering"), checked on the compiled classes so that a
 * new dependency in the wrong direction fails the build instead of waiting for review.
 */
class LayeringTest {
    private static final String OPERATOR = "io.animops.operator";
    private static JavaClasses operator;
    private static JavaClasses crds;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer =
                new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        operator = importer.importPackages(OPERATOR);
        crds = importer.importPackages("io.animops.crds");
    }

    @Test
    void domainPackagesDoNotDependOnTheApiLayer() {
        noClasses()
                .that()
                .resideInAPackage(OPERATOR + "..")
                .and()
                .resideOutsideOfPackage(OPERATOR + ".api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(OPERATOR + ".api..")
                .because("the REST API calls domain services, never the other way round")
                .check(operator);
    }

    @Test
    void restResourcesAndFiltersLiveInTheApiLayer() {
        classes()
                .that()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .or()
                .areAnnotatedWith(jakarta.ws.rs.ext.Provider.class)
                .should()
                .resideInAPackage(OPERATOR + ".api..")
                .because("HTTP concerns (paths, filters, problem mapping) belong to one layer")
                .check(operator);
    }

    @Test
    void commonDependsOnNothingOfTheOperator() {
        classes()
                .that()
                .resideInAPackage(OPERATOR + ".common..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        OPERATOR + ".common..",
                        "java..",
                        "javax.sql..",
                        "com.fasterxml.jackson..",
                        "org.eclipse.microprofile.openapi..")
                .because("paging and request problems are shared by every layer, so they must not lean on one")
                .check(operator);
    }

    @Test
    void operatorPackagesAreFreeOfCycles() {
        slices().matching(OPERATOR + ".(*)..").should().beFreeOfCycles().check(operator);
    }

    @Test
    void crdsDependOnNothingOfTheOperatorOrTheAgent() {
        noClasses()
                .that()
                .resideInAPackage("io.animops.crds..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(OPERATOR + "..", "io.animops.agent..")
                .because("the operator and the agent both build on the CRD types, not the other way round")
                .check(crds);
    }

    @Test
    void onlyTheStandalonePackageUsesTheEmbeddedApiAndDatabase() {
        // the production build compiles without the standalone package and these libraries (operator/README.md)
        noClasses()
                .that()
                .resideInAPackage(OPERATOR + "..")
                .and()
                .resideOutsideOfPackage(OPERATOR + ".standalone..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        OPERATOR + ".standalone..",
                        "io.fabric8.kubernetes.client.server.mock..",
                        "io.fabric8.mockwebserver..",
                        "io.zonky..")
                .because("the cluster image leaves the standalone mode out; the rest reaches it through StandaloneMode")
                .check(operator);
    }
}
