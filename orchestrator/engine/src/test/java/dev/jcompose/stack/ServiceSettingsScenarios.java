package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import dev.jcompose.settings.UnsupportedSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A setting jcompose cannot apply is refused before anything is made, on the real host
 * ({@link ServiceSettingsRootTest}) and the fake one ({@link ServiceSettingsFakeTest}).
 */
abstract class ServiceSettingsScenarios {
    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    @Test
    void refusedConfinementCreatesNothing() throws Exception {
        try (StackHost fx = open()) {
            Path dir = Files.createDirectories(fx.dir().resolve("refused"));
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      app:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        security_opt: ["apparmor=my-profile"]
                    """);
            Project project = fx.load(dir, "refused", Map.of());
            String p = fx.project("refused");
            assertThatThrownBy(() -> fx.compose().up(project, UpOptions.defaults(), fx.listener()))
                    .isInstanceOf(UnsupportedSettingException.class)
                    .hasMessage("service \"app\": security_opt 'apparmor=my-profile' is not supported: jcompose cannot "
                            + "apply this confinement");
            assertThat(fx.compose().ps(p, true)).isEmpty();
        }
    }

    @Test
    void aCreationThatFailsWhileItsEndpointIsWiredLeavesNoEndpoint() throws Exception {
        try (StackHost fx = open()) {
            Path dir = Files.createDirectories(fx.dir().resolve("nodevice"));
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      app:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1:18094:80"]
                        devices: ["/dev/jcompose-no-such-device:/dev/x"]
                    """);
            Project project = fx.load(dir, "nodevice", Map.of());
            String p = fx.project("nodevice");
            // the device is checked as the container is made, while its endpoint's veths and rules are
            assertThatThrownBy(() -> fx.compose().up(project, UpOptions.defaults(), fx.listener()))
                    .hasMessage("device /dev/jcompose-no-such-device of service app does not exist on this host");
            assertThat(fx.compose().ps(p, true)).isEmpty();
            assertThat(fx.stack().network.endpoints().state().endpoints()).isEmpty();
            fx.compose()
                    .down(p, java.util.Optional.of(project), dev.jcompose.api.DownOptions.defaults(), fx.listener());
            assertThat(fx.stack().network.networks().state().networks()).isEmpty();
        }
    }
}
