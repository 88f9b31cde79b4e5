package dev.jcompose.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise: on a fresh clone, the main-job command and the test command work. The
 * clone is of the committed HEAD. The nested test run is narrowed to one test class (running the
 * whole suite again would double CI time and recurse into this test).
 */
@Tag("root")
class FreshCloneTest {

    @Test
    void readmeCommandsWorkOnAFreshClone(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("JCOMPOSE_IN_FRESH_CLONE") == null, "already inside a fresh-clone run");
        Path repo = Path.of("..").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(repo.resolve(".git")) || Files.isRegularFile(repo.resolve(".git")),
                "not a git checkout");
        Path clone = tmp.resolve("clone");
        Result cloned = run(tmp, "git", "clone", "-q", "--no-local", repo.toString(), clone.toString());
        assertThat(cloned.exit).as(cloned.output).isZero();

        Result main = run(clone, "bin/quickstart");
        assertThat(main.exit).as(main.output).isZero();
        assertThat(main.output).contains("quickstart");

        Result tests = run(clone, "bin/test", "-q", "-pl", "orchestrator", "-am",
                "-Dtest=YamlReaderTest", "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(tests.exit).as(tests.output).isZero();
        assertThat(Files.list(clone.resolve("orchestrator/target/surefire-reports")).toList())
                .anySatisfy(p -> assertThat(p.getFileName().toString()).contains("YamlReaderTest"));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(argv)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JCOMPOSE_IN_FRESH_CLONE", "1");
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
