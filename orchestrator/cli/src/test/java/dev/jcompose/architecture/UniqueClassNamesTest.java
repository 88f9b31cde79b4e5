package dev.jcompose.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One name, one concept: no two top-level main classes of the tree share a simple name. Two
 * {@code PullPolicy}s or two {@code LogOptions} leave a reader (and an IDE's auto-import) to guess
 * which one is meant; either they are one concept (then one type, in the lowest module both sides
 * may depend on) or two (then each gets a name that says which). Nested types are not counted: their
 * owner's name qualifies them.
 */
class UniqueClassNamesTest {

    @Test
    void everyMainClassNameAppearsOnce() {
        assertThat(duplicates(MainClasses.all()))
                .as("main classes sharing a simple name: merge them into one type, or rename the less precise one")
                .isEmpty();
    }

    @Test
    void aSharedNameIsReported() {
        JavaClasses two = new ClassFileImporter().importClasses(List.class, java.awt.List.class);
        assertThat(duplicates(two)).containsOnlyKeys("List");
    }

    /** Simple name to the full names of the classes that share it, for names held by more than one. */
    static Map<String, List<String>> duplicates(JavaClasses classes) {
        return classes.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(
                        JavaClass::getSimpleName,
                        TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())))
                .entrySet()
                .stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
