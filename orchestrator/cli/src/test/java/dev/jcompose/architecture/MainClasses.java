package dev.jcompose.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The main classes of every module (this module's test class path holds them all), imported once
 * per test JVM: the import is most of the architecture tests' time, and they all read the same classes.
 */
final class MainClasses {
    private MainClasses() {}

    private static final class Holder {
        // main classes only: not test classes, nor the test-jars other modules share
        static final JavaClasses ALL = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .importPackages("dev.jcompose");
    }

    static JavaClasses all() {
        return Holder.ALL;
    }
}
