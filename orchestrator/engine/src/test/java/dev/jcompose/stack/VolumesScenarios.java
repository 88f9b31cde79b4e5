package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import dev.jcompose.volume.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Anonymous volumes are not leaked by a create cut short and not removed by {@code rm} without {@code -v},
 * on the real host ({@link VolumesRootTest}) and the fake one ({@link VolumesFakeTest}).
 */
abstract class VolumesScenarios {
    static final DownOptions KEEP_VOLUMES = new DownOptions(false, true, Duration.ofSeconds(1));
    static final DownOptions REMOVE_VOLUMES = new DownOptions(true, true, Duration.ofSeconds(1));

    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    static List<String> anonymous(StackHost fx) {
        return fx.stack().volumes.list().stream()
                .filter(v -> v.labels().containsKey(ContainerMounts.ANONYMOUS))
                .map(Volume::name)
                .toList();
    }

    @Test
    void aCreateCutShortLeavesNoAnonymousVolume() throws Exception {
        try (StackHost fx = open()) {
            fx.image("vol:1", TestImages.busybox().volume("/var/www").build());
            Project project = fx.write("cut", """
                    services:
                      web:
                        image: vol:1
                        command: ["sleep", "300"]
                        volumes:
                          - /scratch
                          - type: bind
                            source: /nonexistent-jcompose-test
                            target: /site
                            bind: {create_host_path: false}
                    """);
            String p = fx.project("cut");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> fx.compose().up(project, UpOptions.defaults(), fx.listener()))
                    .hasMessage("bind mount source path does not exist: /nonexistent-jcompose-test");
            assertThat(fx.stack().volumes.list()).isEmpty();

            // an engine killed mid-create: the volume was made and noted, no container record exists
            String id = "0123456789abcdef0123456789abcdef";
            fx.stack().containers.files().reserveVolume(id, "halfmade");
            fx.stack()
                    .volumes
                    .create("halfmade", Map.of(dev.jcompose.observe.Labels.PROJECT, p, ContainerMounts.ANONYMOUS, ""));
            fx.stack().reapHalfCreated();
            assertThat(fx.stack().volumes.list()).isEmpty();
            assertThat(fx.stack().containers.files().ids()).isEmpty();
            fx.compose().down(p, Optional.of(project), REMOVE_VOLUMES, fx.listener());
        }
    }

    @Test
    void rmWithoutVolumesKeepsAnonymousVolumesEvenAfterAReap() throws Exception {
        try (StackHost fx = open()) {
            Project project = fx.write("keep", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        volumes: [/scratch]
                    """);
            String p = fx.project("keep");
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            List<String> made = anonymous(fx);
            assertThat(made).hasSize(1);
            String id = fx.stack().runtime.list().getFirst().id();
            assertThat(fx.stack().containers.files().reservedVolumes(id)).isEqualTo(made);
            fx.compose().down(p, Optional.of(project), KEEP_VOLUMES, fx.listener());
            fx.stack().reapHalfCreated();
            assertThat(anonymous(fx)).isEqualTo(made); // dangling, as docker leaves it
            made.forEach(fx.stack().volumes::remove);
        }
    }
}
