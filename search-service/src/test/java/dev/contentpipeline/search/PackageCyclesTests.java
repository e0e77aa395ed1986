package dev.contentpipeline.search;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * A package is a feature, and the arrows between features point one way: two packages that need each other are
 * one feature split in two, with classes made public only to reach across the split.
 */
class PackageCyclesTests {

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.contentpipeline.search");
        slices().matching("dev.contentpipeline.search.(*)..").should().beFreeOfCycles().check(classes);
    }
}
