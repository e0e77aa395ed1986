package dev.contentpipeline.endtoend;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * In every service a package is a feature, and the arrows between features point one way: two packages that need
 * each other are one feature split in two, with classes made public only to reach across the split. Run here,
 * where all three services' classes are on the classpath.
 */
class PackageCyclesTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "ingest", "index", "search" })
    void noPackageDependsOnItselfThroughOthers(String service) {
        String root = "dev.contentpipeline." + service;
        JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
