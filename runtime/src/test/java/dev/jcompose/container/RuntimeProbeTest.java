package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class RuntimeProbeTest {
    @TempDir
    Path tmp;

    @Test
    void probesByRunningAContainerAndCachesTheVerdict() throws java.io.IOException {
        HostSnapshot before = HostSnapshot.take(tmp).scopedTo(tmp.toString(), "jcompose-probe");
        RuntimeProbe probe = new RuntimeProbe(
                new ProcessCommandRunner(), new HostPaths(tmp.resolve("d"), tmp.resolve("r")), System.getenv());
        OciRuntime runc = probe.find("runc").orElseThrow();
        assertThat(runc.version()).startsWith("runc version ");
        assertThat(probe.probe(runc)).isEqualTo(new RuntimeProbe.Verdict(runc, true, "ok"));
        OciRuntime chosen = probe.select(Map.of());
        assertThat(chosen.name()).isIn("crun", "runc");
        assertThat(Files.exists(tmp.resolve("r/runtime-probe.json"))).isTrue();
        assertThat(probe.select(Map.of("JCOMPOSE_RUNTIME", "runc"))).isEqualTo(runc);
        assertThatThrownBy(() -> probe.select(Map.of("JCOMPOSE_RUNTIME", "nosuchruntime")))
                .hasMessage("JCOMPOSE_RUNTIME=nosuchruntime is not an installed OCI runtime");
        probe.find("crun").ifPresent(crun -> {
            RuntimeProbe.Verdict v = probe.probe(crun);
            if (!v.works()) {
                assertThat(chosen).isEqualTo(runc);
                // refused for the host's reason (hybrid cgroups here), never for the probe's own bundle:
                // a rootfs without /dev once failed crun on every host, and crun was never chosen
                assertThat(v.reason()).doesNotContain("/probe/");
            }
        });
        Files.delete(tmp.resolve("r/runtime-probe.json"));
        Files.delete(tmp.resolve("r"));
        HostSnapshot.take(tmp).scopedTo(tmp.toString(), "jcompose-probe").assertSameAs(before);
    }
}
