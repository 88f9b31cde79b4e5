package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Entry names are cleaned as containerd cleans them: rooted at the snapshot, never above it. */
class EntryNameTest {
    @ParameterizedTest
    @CsvSource({
        "/, ''",
        "., ''",
        "./, ''",
        "//./, ''",
        "/.., ''",
        "bin/sh, bin/sh",
        "./bin/sh, bin/sh",
        "/bin/sh, bin/sh",
        "//bin//sh/, bin/sh",
        "/../../etc/passwd, etc/passwd",
        "/a/../../b, b",
        "a/../b, b",
        "./a/./b/.., a",
    })
    void cleansLexicallyInsideTheRoot(String raw, String expected) {
        EntryName n = EntryName.parse(raw);
        assertThat(String.join("/", n.components())).isEqualTo(expected);
        assertThat(n.isRoot()).isEqualTo(expected.isEmpty());
        assertThat(n.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "./../x", "a/../../x", "a/b/../../../x"})
    void relativeNamesClimbingAboveTheRootAreRefused(String raw) {
        assertThatThrownBy(() -> EntryName.parse(raw))
                .isInstanceOf(LayerUnpackException.class)
                .hasMessage("layer entry '" + raw + "' climbs out with '..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b", "/\0"})
    void nulIsRefused(String raw) {
        assertThatThrownBy(() -> EntryName.parse(raw)).hasMessageContaining("has an invalid name");
    }

    @org.junit.jupiter.api.Test
    void parentAndLast() {
        EntryName n = EntryName.parse("/usr/bin/env");
        assertThat(n.parent()).isEqualTo(List.of("usr", "bin"));
        assertThat(n.last()).isEqualTo("env");
    }
}
