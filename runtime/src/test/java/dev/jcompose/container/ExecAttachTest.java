package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.oci.BundleWriter;
import dev.jcompose.oci.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec recipe, the exec process and conmon's attach flags, as data. */
class ExecAttachTest {
    @TempDir
    Path tmp;

    static final ExecRecipe RECIPE =
            new ExecRecipe("/usr/sbin/runc", "/run/j/runc", "abc", "web-1", "{}", "/run/j/containers/abc", true, false);

    @Test
    void recipeArgvInTheForegroundAndDetached() {
        assertThat(String.join(" ", RECIPE.argv(Path.of("/run/j/containers/abc/exec-1.json"), null)))
                .isEqualTo("/usr/sbin/runc --root /run/j/runc exec --process /run/j/containers/abc/exec-1.json abc");
        ExecRecipe detached = new ExecRecipe(
                "/usr/sbin/runc", "/run/j/runc", "abc", "web-1", "{}", "/run/j/containers/abc", false, true);
        assertThat(String.join(" ", detached.argv(Path.of("/p.json"), Path.of("/exec-1.log"))))
                .isEqualTo(
                        "/usr/sbin/runc --root /run/j/runc --log /exec-1.log --log-format json exec --process /p.json"
                                + " --detach abc");
    }

    @Test
    void conmonKeepsStdinOpenAndAllocatesATerminalWhenAsked() {
        ContainerDirs d = new ContainerDirs(Path.of("/run/j/containers/abc"), Path.of("/var/lib/j/containers/abc"));
        OciRuntime runc = new OciRuntime("runc", Path.of("/usr/sbin/runc"), "runc version 1.1.5");
        String plain = new ConmonCommand(Path.of("/usr/bin/conmon"), "abc", "web-1", runc, Path.of("/run/j/runc"), d)
                .command()
                .display();
        String attached = new ConmonCommand(
                        Path.of("/usr/bin/conmon"),
                        "abc",
                        "web-1",
                        runc,
                        Path.of("/run/j/runc"),
                        d,
                        new Attach(true, true))
                .command()
                .display();
        assertThat(attached).isEqualTo(plain + " --stdin --terminal");
        assertThat(new ConmonCommand(
                                Path.of("/usr/bin/conmon"),
                                "abc",
                                "web-1",
                                runc,
                                Path.of("/run/j/runc"),
                                d,
                                new Attach(true, false))
                        .command()
                        .display())
                .isEqualTo(plain + " --stdin");
    }

    private static RuntimeSpec spec(Path rootfs) {
        RuntimeSpec.Process base = new RuntimeSpec.Process(
                false,
                new RuntimeSpec.User(0, 0, null),
                List.of("sh"),
                List.of("PATH=/bin", "A=base"),
                "/srv",
                new RuntimeSpec.Capabilities(
                        List.of("CAP_KILL"), List.of("CAP_KILL"), List.of(), List.of("CAP_KILL"), List.of()),
                List.of(new RuntimeSpec.Rlimit("RLIMIT_NOFILE", 1024, 1024)),
                true);
        return new RuntimeSpec(
                RuntimeSpec.VERSION, base, new RuntimeSpec.Root(rootfs.toString(), false), "h", List.of(), null);
    }

    @Test
    void execProcessIsTheContainersWithTheRequestsOverrides() throws Exception {
        Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(tmp.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n");
        Files.writeString(tmp.resolve("etc/group"), "root:x:0:\napp:x:1001:\n");
        RuntimeSpec.Process p = ExecProcess.of(
                spec(tmp), new ExecRequest(List.of("id"), Map.of("A", "over", "B", "new"), "app", "/tmp"), false);
        assertThat(BundleWriter.toJson(p))
                .isEqualTo(BundleWriter.toJson(new RuntimeSpec.Process(
                        false,
                        new RuntimeSpec.User(1000, 1001, null),
                        List.of("id"),
                        List.of("PATH=/bin", "A=over", "B=new"),
                        "/tmp",
                        spec(tmp).process().capabilities(),
                        spec(tmp).process().rlimits(),
                        true)));
    }

    @Test
    void aTerminalExecGetsDockersTermUnlessSet() {
        RuntimeSpec.Process tty = ExecProcess.of(spec(tmp), ExecRequest.of("sh"), true);
        assertThat(tty.terminal()).isTrue();
        assertThat(tty.env()).containsExactly("PATH=/bin", "A=base", "TERM=xterm");
        assertThat(tty.user()).isEqualTo(new RuntimeSpec.User(0, 0, null));
        assertThat(tty.cwd()).isEqualTo("/srv");
        RuntimeSpec.Process own =
                ExecProcess.of(spec(tmp), new ExecRequest(List.of("sh"), Map.of("TERM", "vt100"), null, null), true);
        assertThat(own.env()).containsExactly("PATH=/bin", "A=base", "TERM=vt100");
        assertThat(ExecProcess.of(spec(tmp), ExecRequest.of("sh"), false).env()).containsExactly("PATH=/bin", "A=base");
    }

    @Test
    void attachSetsTheBundlesTerminalFlag() {
        RuntimeSpec s = spec(tmp);
        assertThat(new Attach(true, true).applyTo(s).process().terminal()).isTrue();
        assertThat(new Attach(true, false).applyTo(s)).isSameAs(s);
        assertThat(new Attach(false, true).applyTo(s).process().args())
                .isEqualTo(s.process().args());
    }

    @Test
    void socketAddressIsSockaddrUn() {
        byte[] a = AttachSocket.address("/proc/self/fd/7/attach");
        assertThat(a).hasSize(110);
        assertThat(a[0]).isEqualTo((byte) 1);
        assertThat(a[1]).isZero();
        assertThat(new String(a, 2, "/proc/self/fd/7/attach".length())).isEqualTo("/proc/self/fd/7/attach");
        assertThat(a[2 + "/proc/self/fd/7/attach".length()]).isZero();
        assertThatThrownBy(() -> AttachSocket.address("/" + "x".repeat(107)))
                .hasMessageStartingWith("socket path longer than 107 bytes");
    }
}
