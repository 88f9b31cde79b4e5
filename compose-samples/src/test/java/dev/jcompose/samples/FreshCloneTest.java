package dev.jcompose.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.HostSnapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise: on a fresh clone, the main-job command and the test command work. The
 * clone is of the committed HEAD. The quickstart runs under its own project name, port, state
 * directories, cgroup parent and iptables chains, so it cannot touch a quickstart the machine's
 * user has up; it is taken down again and nothing may be left. The nested test run is narrowed to
 * one test class (running the whole suite again would double CI time and recurse into this test).
 */
@Tag("root")
class FreshCloneTest {

    @Test
    void readmeCommandsWorkOnAFreshClone(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("JCOMPOSE_IN_FRESH_CLONE") == null, "already inside a fresh-clone run");
        Path repo = Path.of("..").toAbsolutePath().normalize();
        assumeTrue(
                Files.isDirectory(repo.resolve(".git")) || Files.isRegularFile(repo.resolve(".git")),
                "not a git checkout");
        Path clone = tmp.resolve("clone");
        Result cloned = run(tmp, Map.of(), "git", "clone", "-q", "--no-local", repo.toString(), clone.toString());
        assertThat(cloned.exit).as(cloned.output).isZero();

        String tag = Long.toHexString(System.nanoTime() & 0xffffffL);
        HostSnapshot before = HostSnapshot.take().scopedTo("fresh" + tag, "JF" + tag.toUpperCase(), tmp.toString());
        Map<String, String> env = Map.of(
                "COMPOSE_PROJECT_NAME",
                "fresh" + tag,
                "FRONT_PORT",
                Integer.toString(freePort()),
                "JCOMPOSE_RUN_ROOT",
                tmp.resolve("run").toString(),
                "JCOMPOSE_DATA_ROOT",
                tmp.resolve("data").toString(),
                "JCOMPOSE_CGROUP_PARENT",
                "jcompose-fresh" + tag,
                "JCOMPOSE_CHAIN_PREFIX",
                "JF" + tag.toUpperCase());
        try {
            Result main = run(clone, env, "bin/quickstart");
            assertThat(main.exit).as(main.output).isZero();
            assertThat(main.output).contains("Hello from front (via api at ", "visit number 1 ");
        } finally {
            Result down = run(clone, env, "bin/quickstart", "down", "-v");
            Result stop = run(clone, env, "bin/jcompose", "engine", "stop");
            // The cgroup parent is this test's own: jcompose leaves a parent in place, like docker.
            CgroupLayout.detect().remove("/jcompose-fresh" + tag);
            assertThat(down.exit).as(down.output).isZero();
            assertThat(stop.exit).as(stop.output).isZero();
        }
        HostSnapshot.take()
                .scopedTo("fresh" + tag, "JF" + tag.toUpperCase(), tmp.toString())
                .assertSameAs(before);

        Result tests = run(
                clone,
                Map.of(),
                "bin/test",
                "-q",
                "-pl",
                "orchestrator/compose",
                "-am",
                "-Dtest=YamlReaderTest",
                "-Dsurefire.failIfNoSpecifiedTests=false",
                // the outer build checks the format of this same tree already
                "-Dspotless.check.skip=true");
        assertThat(tests.exit).as(tests.output).isZero();
        assertThat(Files.list(clone.resolve("orchestrator/compose/target/surefire-reports"))
                        .toList())
                .anySatisfy(p -> assertThat(p.getFileName().toString()).contains("YamlReaderTest"));
    }

    private record Result(int exit, String output) {}

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Result run(Path dir, Map<String, String> env, String... argv)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(List.of(argv)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JCOMPOSE_IN_FRESH_CLONE", "1");
        pb.environment().putAll(env);
        Path log = Files.createTempFile("fresh-clone", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(done ? p.exitValue() : -1, out);
    }
}
