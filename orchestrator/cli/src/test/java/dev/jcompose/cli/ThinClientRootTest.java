package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The thin client as a user runs it, a process of its own, against a real engine: each command
 * gives the output and exit code the full CLI gives (JCOMPOSE_THIN=0) for up, ps, run with piped
 * stdin, exec, config and errors; the CLI's classes never load in the client; Ctrl-C ends a
 * following {@code logs -f} with 130 and stops an attached {@code up}'s containers, as before.
 */
@Tag("root")
class ThinClientRootTest {
    private static final String COMPOSE = """
            services:
              a:
                image: busybox:1.36
                command: ["sh", "-c", "trap 'exit 0' TERM; echo a-started; while true; do sleep 0.2; done"]
              t:
                image: busybox:1.36
                profiles: [tools]
            """;

    private record Result(int exit, String out, String err) {}

    @Test
    void theThinClientBehavesAsTheFullCli() throws Exception {
        EngineSandbox.isolated(box -> {
            String project = box.track("thin" + box.tag);
            Files.writeString(box.app().resolve("compose.yaml"), COMPOSE);
            box.startEngine(project);

            Path classes = box.dir.resolve("client-classes.log");
            Result up = thin(box, project, classes, "", "up", "-d");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(Files.readString(classes))
                    .contains("dev.jcompose.client.ThinClient")
                    .doesNotContain("dev.jcompose.cli.Main ");

            for (String[] command : List.of(
                    new String[] {"ps", "-q"},
                    new String[] {"ps", "--services", "--status", "running"},
                    new String[] {"config", "--hash", "*"},
                    new String[] {"--bogus"},
                    new String[] {"logs", "--no-log-prefix", "a"},
                    new String[] {"exec", "-T", "a", "sh", "-c", "echo in-a; echo err-a >&2; exit 4"},
                    new String[] {"run", "--rm", "-T", "t", "sh", "-c", "cat; exit 3"},
                    new String[] {"pause", "nosuchservice"})) {
                Result thin = thin(box, project, null, "piped\n", command);
                Result full = full(box, project, "piped\n", command);
                assertThat(thin).as(String.join(" ", command)).isEqualTo(full);
            }
            assertThat(thin(box, project, null, "piped\n", "run", "--rm", "-T", "t", "sh", "-c", "cat; exit 3"))
                    .isEqualTo(new Result(3, "piped\n", ""));

            Process follow = start(box, project, null, "logs", "-f", "a");
            awaitOutput(follow, follow.getInputStream(), "a-started");
            interrupt(follow);
            assertThat(follow.waitFor(30, TimeUnit.SECONDS))
                    .as("logs -f ends on Ctrl-C")
                    .isTrue();
            assertThat(follow.exitValue()).isEqualTo(130);

            Process attached = start(box, project, null, "up", "a");
            awaitOutput(attached, attached.getErrorStream(), "Attaching to"); // compose prints it on stderr
            interrupt(attached);
            assertThat(attached.waitFor(60, TimeUnit.SECONDS))
                    .as("attached up ends on Ctrl-C")
                    .isTrue();
            assertThat(box.ps(project))
                    .extracting(EngineSandbox.Container::state)
                    .containsOnly("exited");
        });
    }

    /** The thin client's output and exit code; {@code classLog} records the classes it loaded. */
    private Result thin(EngineSandbox box, String project, Path classLog, String stdin, String... args)
            throws Exception {
        return finish(start(box, project, classLog, args), stdin);
    }

    private Result full(EngineSandbox box, String project, String stdin, String... args) throws Exception {
        ProcessBuilder pb = builder(box, project, null, args);
        pb.environment().put("JCOMPOSE_THIN", "0");
        return finish(pb.start(), stdin);
    }

    private Process start(EngineSandbox box, String project, Path classLog, String... args) throws IOException {
        return builder(box, project, classLog, args).start();
    }

    private ProcessBuilder builder(EngineSandbox box, String project, Path classLog, String... args) {
        List<String> argv = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // as the launcher runs it: jffi's native access and Unsafe use allowed, so the JDK prints no warnings
        if (Runtime.version().feature() >= 22) {
            argv.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 23) {
            argv.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (classLog != null) {
            argv.add("-Xlog:class+load:file=" + classLog);
        }
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jcompose.client.ThinClient"));
        argv.addAll(List.of("-p", project, "--progress", "quiet"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(box.app().toFile());
        pb.environment().putAll(box.variables());
        pb.environment().remove("JCOMPOSE_THIN");
        return pb;
    }

    private static Result finish(Process p, String stdin) throws Exception {
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Result(p.exitValue(), out, err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads {@code in} (the process's stdout or stderr) until {@code text} appears, 60 s at most. */
    private static void awaitOutput(Process p, java.io.InputStream in, String text) throws Exception {
        p.getOutputStream().close();
        StringBuilder seen = new StringBuilder();
        var found = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                while (!seen.toString().contains(text)) {
                    int b = in.read();
                    if (b < 0) {
                        throw new AssertionError("output ended before '" + text + "': " + seen);
                    }
                    seen.append((char) b);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            found.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("'" + text + "' not within 60 s, got: " + seen, e);
        }
    }

    /** Ctrl-C: SIGINT to the client's process. */
    private static void interrupt(Process p) {
        EngineSandbox.host("kill", "-INT", Long.toString(p.pid())).assertOk("kill -INT");
    }
}
