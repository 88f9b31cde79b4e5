package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.HostSnapshot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine opened to a socket group: a member (not root) runs commands on root's engine without
 * sudo; a user outside the group is refused with a message that says what to ask for. Users and
 * group are made for the test and removed after it.
 */
@Tag("root")
class SocketGroupRootTest {
    @Test
    void aMemberOfTheSocketGroupUsesRootsEngineAndANonMemberIsToldWhy() throws Exception {
        String tag = EngineSandbox.newTag();
        String group = "jcg" + tag;
        String member = "jcm" + tag;
        String outsider = "jco" + tag;
        EngineSandbox box = new EngineSandbox(tag);
        box.env("JCOMPOSE_SOCKET_GROUP", group);
        HostSnapshot before = box.snapshot();
        try {
            EngineSandbox.host("groupadd", group).assertOk("groupadd");
            EngineSandbox.host("useradd", "-M", "-N", "-G", group, member).assertOk("useradd member");
            EngineSandbox.host("useradd", "-M", "-N", outsider).assertOk("useradd outsider");
            box.runThenClose(() -> {
                box.cli("engine", "start").assertOk("engine start");
                Path engineDir = box.dir.resolve("run/engine");
                assertThat(EngineSandbox.host("stat", "-c", "%a %G", engineDir.toString())
                                .out()
                                .strip())
                        .isEqualTo("750 " + group);
                assertThat(EngineSandbox.host(
                                        "stat",
                                        "-c",
                                        "%a %G",
                                        engineDir.resolve("engine.sock").toString())
                                .out()
                                .strip())
                        .isEqualTo("660 " + group);
                String classpath = readableClasspath(box.dir.resolve("cp"));
                EngineSandbox.Run asMember = asUser(box, member, classpath, "-p", "sg" + tag, "ps");
                assertThat(asMember.exit()).as(asMember.out()).isZero();
                assertThat(asMember.out()).contains("NAME");
                EngineSandbox.Run status = asUser(box, member, classpath, "engine", "status");
                assertThat(status.out()).startsWith("engine pid " + box.enginePid() + ",");
                EngineSandbox.Run asOutsider = asUser(box, outsider, classpath, "-p", "sg" + tag, "ps");
                assertThat(asOutsider.exit()).isNotZero();
                assertThat(asOutsider.out()).contains("permission denied on the jcompose engine socket");
                assertThat(asOutsider.out()).doesNotContain("Exception");
            });
        } finally {
            EngineSandbox.host("userdel", member);
            EngineSandbox.host("userdel", outsider);
            EngineSandbox.host("groupdel", group);
        }
        assertThat(EngineSandbox.host("getent", "group", group).exit()).isNotZero();
        before.assertSameAs(box.snapshot());
    }

    /** The CLI run as {@code user} (standard error folded into the output), with the sandbox's variables. */
    private static EngineSandbox.Run asUser(EngineSandbox box, String user, String classpath, String... args) {
        List<String> argv = new ArrayList<>(List.of("runuser", "-u", user, "--", "env", "-i"));
        box.variables().forEach((k, v) -> argv.add(k + "=" + v));
        argv.add("HOME=" + box.dir.resolve("home-" + user));
        argv.add("PATH=/usr/sbin:/usr/bin:/sbin:/bin");
        argv.add(ProcessHandle.current().info().command().orElseThrow());
        argv.add("-cp");
        argv.add(classpath);
        argv.add(Main.class.getName());
        argv.addAll(List.of(args));
        return EngineSandbox.host(argv.toArray(String[]::new));
    }

    /** This JVM's class path copied where any user can read it (the local Maven repository is root's). */
    private static String readableClasspath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = dir.resolve((i++) + "-" + from.getFileName());
            copy(from, to);
            entries.add(to.toString());
        }
        EngineSandbox.host("chmod", "-R", "a+rX", dir.toString()).assertOk("chmod");
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
