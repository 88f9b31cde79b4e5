package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.Project;
import dev.jcompose.volume.VolumeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which volumes the image's content fills: docker's rule, decided before anything is copied. */
class ContainerMountsTest {
    @TempDir
    Path tmp;

    private Project load(String yaml) throws Exception {
        return TestProjects.load(tmp.resolve("project"), "p", yaml);
    }

    @Test
    void emptyVolumesAreSeededUnlessNocopyAndVolumesWithDataAreNot() throws Exception {
        Project project = load("""
                services:
                  web:
                    image: x
                    volumes:
                      - fresh:/fresh
                      - used:/used
                      - /anonymous
                      - type: volume
                        source: quiet
                        target: /quiet
                        volume: {nocopy: true}
                      - type: bind
                        source: ./site
                        target: /site
                volumes:
                  fresh: {}
                  used: {}
                  quiet: {}
                """);
        VolumeStore store = new VolumeStore(tmp.resolve("volumes"), dev.jcompose.host.Clock.system());
        Files.writeString(store.create("p_used", Map.of()).mountpoint().resolve("data"), "kept");

        List<String> reserved = new java.util.ArrayList<>();
        ContainerMounts.Resolved r = new ContainerMounts(store)
                .resolve(
                        project,
                        project.services().get("web"),
                        List.of("/var/lib/data", "/fresh"),
                        Map.of(),
                        reserved::add);

        assertThat(r.anonymousVolumes()).hasSize(2).isEqualTo(reserved);
        Path anonymous = store.root().resolve(r.anonymousVolumes().get(0)).resolve("_data");
        Path imageVolume = store.root().resolve(r.anonymousVolumes().get(1)).resolve("_data");
        assertThat(r.seeds())
                .containsExactly(
                        new ContainerMounts.Seed("/fresh", store.root().resolve("p_fresh/_data")),
                        new ContainerMounts.Seed("/anonymous", anonymous),
                        new ContainerMounts.Seed("/var/lib/data", imageVolume));
    }

    @Test
    void anAnonymousVolumeIsReservedBeforeAFailureLaterInTheSameService() throws Exception {
        Project project = load("""
                services:
                  web:
                    image: x
                    volumes:
                      - /anonymous
                      - type: bind
                        source: /nonexistent-jcompose-test
                        target: /site
                        bind: {create_host_path: false}
                """);
        VolumeStore store = new VolumeStore(tmp.resolve("volumes"), dev.jcompose.host.Clock.system());
        List<String> reserved = new java.util.ArrayList<>();
        assertThatThrownBy(() -> new ContainerMounts(store)
                        .resolve(project, project.services().get("web"), List.of(), Map.of(), reserved::add))
                .hasMessage("bind mount source path does not exist: /nonexistent-jcompose-test");
        assertThat(store.list())
                .extracting(dev.jcompose.volume.Volume::name)
                .containsExactlyElementsOf(reserved)
                .hasSize(1);
    }

    /** docker compose's TestLocalComposeVolume: a recreated container keeps its anonymous volumes' content. */
    @Test
    void aReplacementMountsTheAnonymousVolumesOfTheContainerItReplacesByTarget() throws Exception {
        Project project = load("""
                services:
                  web:
                    image: x
                    volumes:
                      - /usr/src/app/node_modules
                """);
        VolumeStore store = new VolumeStore(tmp.resolve("volumes"), dev.jcompose.host.Clock.system());
        String old = store.create("0ld", Map.of()).name();
        Files.writeString(store.find(old).orElseThrow().mountpoint().resolve("test"), "");
        String oldImageVolume = store.create("0ldimage", Map.of()).name();
        List<String> reserved = new java.util.ArrayList<>();

        ContainerMounts.Resolved r = new ContainerMounts(store)
                .resolve(
                        project,
                        project.services().get("web"),
                        List.of("/var/lib/data", "/fresh"),
                        Map.of("/usr/src/app/node_modules", old, "/var/lib/data", oldImageVolume, "/gone", "nothere"),
                        reserved::add);

        assertThat(r.anonymousVolumes()).hasSize(3).startsWith(old, oldImageVolume);
        assertThat(reserved)
                .as("only the new volume: a failed create must not remove inherited ones")
                .containsExactly(r.anonymousVolumes().get(2));
        assertThat(r.mounts())
                .contains(new dev.jcompose.oci.ContainerSpec.Bind(
                        store.find(old).orElseThrow().mountpoint().toString(), "/usr/src/app/node_modules", false));
        assertThat(r.seeds())
                .extracting(ContainerMounts.Seed::target)
                .as("the inherited image volume is empty but was the old container's: seeded like docker's empty one")
                .containsExactly("/var/lib/data", "/fresh");
    }

    @Test
    void theRuleIsEmptyAndNotNocopy() {
        assertThat(ContainerMounts.seeds(false, true)).isTrue();
        assertThat(ContainerMounts.seeds(true, true)).isFalse();
        assertThat(ContainerMounts.seeds(false, false)).isFalse();
    }
}
