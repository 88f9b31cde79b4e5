package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.PushOptions;
import dev.jcompose.api.StackEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code push} flags to {@link PushOptions}, {@code --include-deps}, and its progress lines. */
class PushCommandTest {
    @TempDir
    Path dir;

    final RecordingCompose compose = new RecordingCompose();

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: 127.0.0.1:5000/demo/web:1
                    depends_on: [api]
                  api:
                    image: 127.0.0.1:5000/demo/api:1
                    depends_on: [db]
                  db:
                    image: busybox:1.36
                  other:
                    image: busybox:1.36
                """);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(
                new Main.Environment(Map.of("HOME", "/nonexistent"), dir, new ByteArrayInputStream(new byte[0])),
                (env, notices) -> compose.backend(),
                CommandsTest.CLOCK);
        int exit = Main.execute(main, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void mapsFlagsAndAddsDependenciesOnlyWithIncludeDeps() {
        assertThat(run("--progress", "quiet", "push").exit()).isZero();
        assertThat(compose.arguments.getLast()).isEqualTo(new PushOptions(List.of(), false));
        assertThat(run("--progress", "quiet", "push", "--ignore-push-failures", "web")
                        .exit())
                .isZero();
        assertThat(compose.arguments.getLast()).isEqualTo(new PushOptions(List.of("web"), true));
        assertThat(run("--progress", "quiet", "push", "--include-deps", "web").exit())
                .isZero();
        assertThat(compose.arguments.getLast()).isEqualTo(new PushOptions(List.of("api", "db", "web"), false));
        assertThat(compose.calls).containsExactly("push demo []", "push demo [web]", "push demo [api, db, web]");
    }

    @Test
    void printsImageAndLayerLinesUnlessQuiet() {
        compose.events = List.of(
                new StackEvent("", "db", "Skipped", ""),
                new StackEvent("Image", "127.0.0.1:5000/demo/web:1", "Pushing", ""),
                new StackEvent("", "0123456789ab", "Layer already exists", ""),
                new StackEvent("", "ba9876543210", "Mounted from", "demo/api"),
                new StackEvent("Image", "127.0.0.1:5000/demo/web:1", "Pushed", ""));
        Run r = run("--progress", "plain", "push");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("""
                         db  Skipped
                         Image 127.0.0.1:5000/demo/web:1  Pushing
                         0123456789ab  Layer already exists
                         ba9876543210  Mounted from demo/api
                         Image 127.0.0.1:5000/demo/web:1  Pushed
                        """);
        Run quiet = run("--progress", "plain", "push", "-q");
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).isEmpty();
    }
}
