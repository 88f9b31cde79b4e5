package dev.jcompose.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {
    @TempDir
    Path tmp;

    @Test
    void createsListsKeepsLabelsAndRemoves() throws Exception {
        VolumeStore store = new VolumeStore(tmp.resolve("volumes"), dev.jcompose.host.Clock.system());
        Volume v = store.create("shop_data", Map.of("com.docker.compose.project", "shop", "b", "2"));
        assertThat(v.mountpoint())
                .isEqualTo(tmp.resolve("volumes/shop_data/_data"))
                .isDirectory();
        assertThat(v.labels()).containsExactly(Map.entry("b", "2"), Map.entry("com.docker.compose.project", "shop"));
        Files.writeString(v.mountpoint().resolve("f"), "x");
        assertThat(store.create("shop_data", Map.of("other", "labels")).labels())
                .isEqualTo(v.labels());
        assertThat(v.mountpoint().resolve("f")).hasContent("x");
        store.create("a", Map.of());
        assertThat(store.list()).extracting(Volume::name).containsExactly("a", "shop_data");
        assertThat(store.remove("shop_data")).isTrue();
        assertThat(store.remove("shop_data")).isFalse();
        assertThat(store.find("shop_data")).isEmpty();
        assertThat(store.list()).extracting(Volume::name).containsExactly("a");
    }

    @Test
    void ignoresHalfMadeVolumesAndRejectsHostileNames() throws Exception {
        VolumeStore store = new VolumeStore(tmp.resolve("volumes"), dev.jcompose.host.Clock.system());
        Files.createDirectories(tmp.resolve("volumes/half/_data"));
        assertThat(store.list()).isEmpty();
        assertThat(store.create("half", Map.of()).name()).isEqualTo("half");
        assertThatThrownBy(() -> store.create("../etc", Map.of())).hasMessage("invalid volume name \"../etc\"");
        assertThat(store.remove("../etc")).isFalse();
        assertThat(store.find("..")).isEmpty();
    }
}
