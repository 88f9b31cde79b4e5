package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.FileObjectValues;
import dev.jcompose.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each implemented service setting, seen from inside real containers; the audit's warning; and
 * {@link ServiceSettingsScenarios} (its refusal) on this host.
 */
@Tag("root")
class ServiceSettingsRootTest extends ServiceSettingsScenarios {
    @Override
    StackHost open() throws java.io.IOException {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        return new StackFixture();
    }

    private static final DownOptions FAST_DOWN = new DownOptions(true, true, Duration.ofSeconds(1));

    private static String exec(StackFixture fx, String p, String service, String script) {
        ExecOutcome o = fx.compose.exec(p, ExecOptions.of(service, "sh", "-c", script));
        assertThat(o.exitCode()).as(script + ": " + o.stderr()).isZero();
        return o.stdout().strip();
    }

    @Test
    void secretsConfigsTmpfsNamespacesVolumesFromAndTunings() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Path dir = Files.createDirectories(fx.dir.resolve("settings"));
            Files.writeString(dir.resolve("pw.txt"), "s3cret");
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      app:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo from-app > /data/f; exec sleep 300"]
                        domainname: example.org
                        oom_score_adj: 300
                        devices: ["/dev/null:/dev/mynull:rw"]
                        device_cgroup_rules: ["c 1:5 rwm"]
                        labels: {com.example.role: db}
                        annotations: {com.example.team: storage}
                        mem_reservation: 16m
                        cpu_quota: 50000
                        cpu_period: 100000
                        tmpfs: ["/scratch:size=8m,mode=1770"]
                        volumes: [data:/data]
                        secrets: [{source: pw, target: db_pw, uid: "1000", gid: "1001", mode: 0440}, token]
                        configs: [{source: conf, target: /etc/app.conf}, conf]
                      peer:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ipc: "service:app"
                        pid: "service:app"
                        volumes_from: ["app:ro"]
                      hosty:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ipc: host
                        oom_kill_disable: true
                    volumes:
                      data: {}
                    secrets:
                      pw: {file: ./pw.txt}
                      token: {environment: API_TOKEN}
                    configs:
                      conf: {content: "debug=1"}
                    """);
            // what the CLI's commands do before sending the project to the engine
            Project project = FileObjectValues.resolve(
                    fx.load(dir, "settings", Map.of()),
                    dev.jcompose.environment.Environment.of(Map.of("API_TOKEN", "t0k")));
            String p = fx.project("settings");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.events)
                    .filteredOn(e -> e.kind().equals("Warning"))
                    .extracting(StackEvent::detail)
                    .containsExactly("service \"hosty\": oom_kill_disable is not supported yet and is ignored");

            assertThat(exec(fx, p, "app", "cat /run/secrets/db_pw; echo; stat -c '%a %u %g' /run/secrets/db_pw"))
                    .isEqualTo("s3cret\n440 1000 1001");
            assertThat(exec(fx, p, "app", "cat /run/secrets/token")).isEqualTo("t0k");
            assertThat(exec(fx, p, "app", "cat /etc/app.conf; echo; cat /conf; echo; stat -c %a /conf"))
                    .isEqualTo("debug=1\ndebug=1\n444");
            ExecOutcome write = fx.compose.exec(p, ExecOptions.of("app", "sh", "-c", "echo x > /run/secrets/db_pw"));
            assertThat(write.exitCode()).isNotZero();
            assertThat(exec(fx, p, "app", "grep ' /scratch ' /proc/mounts"))
                    .contains("tmpfs /scratch tmpfs")
                    .contains("size=8192k")
                    .contains("mode=1770");
            assertThat(exec(fx, p, "app", "cat /proc/sys/kernel/domainname /proc/1/oom_score_adj"))
                    .isEqualTo("example.org\n300");
            assertThat(exec(
                            fx,
                            p,
                            "app",
                            "cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
                    .isIn("50000 100000", "50000");

            assertThat(exec(fx, p, "app", "stat -c '%F %t,%T %a' /dev/mynull; echo x > /dev/mynull && echo written"))
                    .isEqualTo("character special file 1,3 666\nwritten");
            // the rule lets the container make /dev/zero (1:5) itself; other nodes stay forbidden
            assertThat(exec(fx, p, "app", "mknod /tmp/z c 1 5 && head -c 3 /tmp/z | wc -c"))
                    .isEqualTo("3");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("app", "sh", "-c", "mknod /tmp/k c 1 2 && head -c 1 /tmp/k"))
                            .exitCode())
                    .isNotZero();

            var appRecord = fx.stack.runtime.list().stream()
                    .filter(r -> r.name().equals(p + "-app-1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(appRecord.labels()).containsEntry("com.example.role", "db");
            try (var files = Files.walk(fx.paths.runRoot())) {
                assertThat(files.filter(f -> f.endsWith("config.json")
                                        && f.toString().contains(appRecord.id()))
                                .toList())
                        .singleElement()
                        .satisfies(f -> assertThat(Files.readString(f)).contains("\"com.example.team\" : \"storage\""));
            }

            String appIpc = exec(fx, p, "app", "readlink /proc/self/ns/ipc");
            assertThat(exec(fx, p, "peer", "readlink /proc/self/ns/ipc")).isEqualTo(appIpc);
            assertThat(exec(fx, p, "peer", "readlink /proc/self/ns/pid"))
                    .isEqualTo(exec(fx, p, "app", "readlink /proc/self/ns/pid"));
            assertThat(exec(fx, p, "peer", "ps -o comm | grep -c sleep")).isEqualTo("2");
            exec(fx, p, "app", "echo shared > /dev/shm/seg");
            assertThat(exec(fx, p, "peer", "cat /dev/shm/seg")).isEqualTo("shared");
            assertThat(exec(fx, p, "hosty", "readlink /proc/self/ns/ipc"))
                    .isEqualTo(
                            Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString())
                    .isNotEqualTo(appIpc);

            assertThat(exec(fx, p, "peer", "cat /data/f")).isEqualTo("from-app");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("peer", "sh", "-c", "touch /data/g"))
                            .exitCode())
                    .isNotZero();
            assertThat(exec(fx, p, "peer", "ls /run/secrets 2>/dev/null | wc -l"))
                    .isEqualTo("0");

            fx.compose.down(p, Optional.of(project), FAST_DOWN, fx.listener());
            assertThat(fx.compose.ps(p, true)).isEmpty();
        }
    }
}
