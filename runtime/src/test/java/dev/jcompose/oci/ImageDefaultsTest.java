package dev.jcompose.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.image.ImageConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageDefaultsTest {
    private static ImageDefaults of(String configJson) {
        return ImageDefaults.of(ImageConfig.parse(configJson.getBytes(StandardCharsets.UTF_8), "test config"));
    }

    @Test
    void mapsEveryRuntimeFieldOfTheConfigKeepingEnvOrder() {
        ImageDefaults d = of("""
                {"architecture":"amd64","os":"linux","config":{"Entrypoint":["/init"],"Cmd":["serve","--port","80"],
                 "Env":["Z=1","A=2"],"User":"app:app","WorkingDir":"/srv","StopSignal":"SIGQUIT",
                 "Volumes":{"/var/b":{},"/var/a":{}},"Labels":{"z":"1","a":"2"},"ExposedPorts":{"80/tcp":{}}},
                 "rootfs":{"type":"layers","diff_ids":[]}}""");
        assertThat(d)
                .isEqualTo(new ImageDefaults(
                        List.of("/init"),
                        List.of("serve", "--port", "80"),
                        List.of("Z=1", "A=2"),
                        "app:app",
                        "/srv",
                        "SIGQUIT",
                        List.of("/var/a", "/var/b"),
                        Map.of("a", "2", "z", "1")));
        assertThat(d.labels().keySet()).containsExactly("a", "z");
    }

    @Test
    void unsetFieldsBecomeTheDefaultsSpecBuilderExpects() {
        ImageDefaults d = of("""
                {"config":{"Entrypoint":null,"StopSignal":""},"rootfs":{"diff_ids":[]}}""");
        assertThat(d).isEqualTo(new ImageDefaults(null, null, List.of(), "", "", null, List.of(), Map.of()));
        assertThat(of("{}")).isEqualTo(ImageDefaults.EMPTY);
    }
}
