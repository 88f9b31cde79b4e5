package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code exec} and {@code run} as a user meets them, through the real engine: piped standard input,
 * exit codes, {@code exec -d}, live output, an interrupt reaching the process, and a real terminal
 * (the CLI started as a process of its own under util-linux {@code script}, which gives it a pty):
 * {@code busybox tty} inside says /dev/pts/N, {@code -T} says "not a tty", and the terminal's settings are
 * the same afterwards. Isolated by {@link EngineSandbox}; nothing leaks, no exec file stays behind.
 */
@Tag("root")
class InteractiveRootTest {
    static final String COMPOSE = """
            services:
              svc:
                image: busybox:1.36
                command: ["sh", "-c", "while true; do sleep 1; done"]
              shell:
                image: busybox:1.36
                command: ["sh"]
                stdin_open: true
                tty: true
            """;

    final String tag = EngineSandbox.newTag();
    final String project = "it" + tag;
    final EngineSandbox sandbox = new EngineSandbox(tag, project);

    @Test
    void execAndRunForwardInputPassExitCodesAndGiveATerminal() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        HostSnapshot before = sandbox.snapshot();
        sandbox.runThenClose(() -> {
            sandbox.importBusybox();
            Files.writeString(sandbox.app().resolve("compose.yaml"), COMPOSE);
            sandbox.cli("-p", project, "--progress", "quiet", "up", "-d", "--wait")
                    .assertOk("up");
            assertPipedInputAndExitCodes();
            assertAServiceWithStdinOpenAndTtyKeepsItsShell();
            assertExecDetachedRunsInTheBackground();
            assertOutputIsLiveAndAnInterruptReachesTheProcess();
            assertATerminalWhenTheCliHasOne();
            assertCtrlCAndSigtermReachTheProcess();
            assertResizeFollowsTheTerminal();
            assertThat(execFiles()).as("exec process files are removed").isEmpty();
        });
        sandbox.snapshot().assertSameAs(before);
    }

    private EngineSandbox.Run cli(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                sandbox.environment(input.getBytes(StandardCharsets.UTF_8)));
        return new EngineSandbox.Run(exit, out.toString(), err.toString());
    }

    private void assertPipedInputAndExitCodes() {
        EngineSandbox.Run cat = cli("hi\nthere\n", "-p", project, "exec", "-T", "svc", "cat");
        assertThat(cat.exit()).as(cat.err()).isZero();
        assertThat(cat.out()).isEqualTo("hi\nthere\n");
        EngineSandbox.Run seven =
                cli("", "-p", project, "exec", "-T", "svc", "sh", "-c", "echo out; echo err >&2; exit 7");
        assertThat(seven.exit()).isEqualTo(7);
        assertThat(seven.out()).isEqualTo("out\n");
        assertThat(seven.err()).isEqualTo("err\n");
        EngineSandbox.Run flags = cli(
                "",
                "-p",
                project,
                "exec",
                "-T",
                "-e",
                "A=1",
                "-w",
                "/bin",
                "-u",
                "65534",
                "--index",
                "1",
                "svc",
                "sh",
                "-c",
                "echo $A $(pwd) $(id -u)");
        assertThat(flags.out()).as(flags.err()).isEqualTo("1 /bin 65534\n");

        EngineSandbox.Run run = cli("hi\n", "-p", project, "--progress", "quiet", "run", "--rm", "-T", "svc", "cat");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("hi\n");
        EngineSandbox.Run code = cli(
                "",
                "-p",
                project,
                "--progress",
                "quiet",
                "run",
                "--rm",
                "-T",
                "svc",
                "sh",
                "-c",
                "read line; echo \"got $line\"; exit 5");
        assertThat(code.exit()).isEqualTo(5);
        assertThat(code.out()).as("stdin at its end: read gets nothing").isEqualTo("got \n");
        EngineSandbox.Run script = cli(
                "echo from-script\nexit 3\n", "-p", project, "--progress", "quiet", "run", "--rm", "-T", "svc", "sh");
        assertThat(script.exit()).isEqualTo(3);
        assertThat(script.out()).isEqualTo("from-script\n");
        assertThat(sandbox.ps(project))
                .as("--rm removed the one-offs")
                .extracting(EngineSandbox.Container::name)
                .containsExactly(project + "-shell-1", project + "-svc-1");
    }

    /** The compose idiom: {@code sh} with stdin_open and tty waits on its terminal instead of exiting at once. */
    private void assertAServiceWithStdinOpenAndTtyKeepsItsShell() {
        assertThat(sandbox.ps(project))
                .filteredOn(c -> c.name().equals(project + "-shell-1"))
                .extracting(EngineSandbox.Container::state)
                .containsExactly("running");
        EngineSandbox.Run fd = cli("", "-p", project, "exec", "-T", "shell", "readlink", "/proc/1/fd/0");
        assertThat(fd.out()).as(fd.err()).startsWith("/dev/pts/");
    }

    /** {@code exec -d} returns before the command ends; what it does is seen by the next exec. */
    private void assertExecDetachedRunsInTheBackground() {
        long start = System.nanoTime();
        EngineSandbox.Run detached =
                cli("", "-p", project, "exec", "-d", "svc", "sh", "-c", "sleep 3; echo done > /marker");
        assertThat(detached.exit()).as(detached.err()).isZero();
        assertThat(detached.out()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("returned at once")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(cli("", "-p", project, "exec", "-T", "svc", "sh", "-c", "cat /marker 2>/dev/null")
                        .out())
                .as("still running in the background")
                .isEmpty();
        assertThat(EngineSandbox.await(
                        Duration.ofSeconds(30),
                        () -> cli("", "-p", project, "exec", "-T", "svc", "cat", "/marker")
                                .out()
                                .equals("done\n")))
                .isTrue();
    }

    /** The first line shows while the command still runs; interrupting the CLI ends the process too. */
    private void assertOutputIsLiveAndAnInterruptReachesTheProcess() throws InterruptedException {
        StringWriter out = new StringWriter();
        int[] exit = {-1};
        Thread exec = Thread.ofPlatform()
                .start(() -> exit[0] = Main.execute(
                        new String[] {"-p", project, "exec", "-T", "svc", "sh", "-c", "echo first; exec sleep 600"},
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        sandbox.environment()));
        assertThat(EngineSandbox.await(
                        Duration.ofSeconds(30), () -> out.toString().equals("first\n")))
                .as("the first line before the end")
                .isTrue();
        assertThat(exec.isAlive()).isTrue();
        exec.interrupt();
        exec.join(Duration.ofSeconds(30));
        assertThat(exec.isAlive()).isFalse();
        assertThat(exit[0]).isEqualTo(130);
        assertThat(EngineSandbox.await(
                        Duration.ofSeconds(10),
                        () -> !cli("", "-p", project, "exec", "-T", "svc", "ps")
                                .out()
                                .contains("sleep 600")))
                .as("the process got the interrupt")
                .isTrue();
    }

    private void assertATerminalWhenTheCliHasOne() throws IOException, InterruptedException {
        String exec = inTerminal("exec svc busybox tty");
        assertThat(exec).as(exec).containsPattern("/dev/pts/\\d+\r\n");
        assertThat(inTerminal("exec -T svc busybox tty")).contains("not a tty");
        String run = inTerminal("--progress quiet run --rm svc sh -c 'busybox tty; echo $TERM'");
        assertThat(run).as(run).containsPattern("/dev/pts/\\d+\r\nxterm\r\n");
        assertThat(inTerminal("--progress quiet run --rm -T svc busybox tty")).contains("not a tty");
        String sized = inTerminal("--progress quiet run --rm svc busybox stty size", "stty rows 33 cols 101; ");
        assertThat(sized).as("the one-off's pty has the terminal's size").contains("33 101");
        assertThat(inTerminal("exec svc busybox stty size", "stty rows 34 cols 102; "))
                .contains("34 102");
        String settings = inTerminal("--progress quiet run --rm svc true", "stty -g; ", "; stty -g");
        List<String> lines =
                settings.lines().filter(l -> l.matches("[0-9a-f:]+")).toList();
        assertThat(lines).as(settings).hasSize(2);
        assertThat(lines.get(1)).as("the terminal is not left raw").isEqualTo(lines.get(0));
    }

    static final String TRAP = "'trap \"echo got INT; exit 9\" INT; trap \"echo got TERM; exit 3\" TERM; echo ready;"
            + " while true; do sleep 0.1; done'";

    /** The terminal resized while a one-off runs (SIGWINCH to jcompose): the one-off's pty follows. */
    private void assertResizeFollowsTheTerminal() throws IOException, InterruptedException {
        Session run = Session.start(terminal("--progress quiet run --rm svc sh -c"
                + " 'echo ready; while [ \"$(busybox stty size)\" != \"40 120\" ]; do sleep 0.1; done; echo resized'"));
        run.await("ready");
        long jcompose = run.process
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no jcompose process under script"))
                .pid();
        Path tty = Files.readSymbolicLink(Path.of("/proc/" + jcompose + "/fd/0"));
        Process stty = new ProcessBuilder("stty", "-F", tty.toString(), "rows", "40", "cols", "120")
                .inheritIO()
                .start();
        assertThat(stty.waitFor()).isZero(); // the kernel sends SIGWINCH to the terminal's foreground jcompose
        run.await("resized");
        assertThat(run.finish()).contains("resized");
    }

    /** Ctrl-C typed on the terminal (raw: the byte reaches the container's pty), SIGTERM sent to jcompose. */
    private void assertCtrlCAndSigtermReachTheProcess() throws IOException, InterruptedException {
        Session exec = Session.start(terminal("exec svc sh -c " + TRAP));
        exec.await("ready").type("\u0003");
        assertThat(exec.finish()).as(exec.output()).contains("got INT");
        Session run = Session.start(terminal("--progress quiet run --rm svc sh -c " + TRAP));
        run.await("ready").type("\u0003");
        assertThat(run.finish()).as(run.output()).contains("got INT");

        Session term = Session.start(plain("exec -T svc sh -c " + TRAP));
        term.await("ready");
        SignalRelay.send(
                term.process.pid(), "TERM"); // as kill(1); Process.destroy would also close our end of its output
        assertThat(term.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(term.process.exitValue())
                .as("the process's exit code: " + term.output())
                .isEqualTo(3);
        term.await("got TERM");
        assertThat(sandbox.ps(project))
                .as("--rm removed the one-off")
                .extracting(EngineSandbox.Container::name)
                .containsExactly(project + "-shell-1", project + "-svc-1");
    }

    /** A CLI process whose combined output is collected as it comes, and whose input the test types. */
    record Session(Process process, StringBuffer out) {
        static Session start(ProcessBuilder pb) throws IOException {
            Process p = pb.start();
            StringBuffer out = new StringBuffer();
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = p.getInputStream().read(buf)) >= 0; ) {
                        out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            return new Session(p, out);
        }

        Session await(String text) {
            assertThat(EngineSandbox.await(
                            Duration.ofSeconds(60), () -> out.toString().contains(text)))
                    .as("waiting for " + text + " in " + out)
                    .isTrue();
            return this;
        }

        void type(String keys) throws IOException {
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        String output() {
            return out.toString();
        }

        String finish() throws IOException, InterruptedException {
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output()).isTrue();
            EngineSandbox.await(Duration.ofSeconds(5), () -> !process.isAlive());
            return output();
        }
    }

    private String inTerminal(String jcomposeArgs) throws IOException, InterruptedException {
        return inTerminal(jcomposeArgs, "", "");
    }

    private String inTerminal(String jcomposeArgs, String before) throws IOException, InterruptedException {
        return inTerminal(jcomposeArgs, before, "");
    }

    /** Runs the CLI as its own process on a pty ({@code script -qec CMD /dev/null}); what the pty showed. */
    private String inTerminal(String jcomposeArgs, String before, String after)
            throws IOException, InterruptedException {
        Process p = terminal(before, jcomposeArgs, after).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private ProcessBuilder terminal(String jcomposeArgs) {
        return terminal("", jcomposeArgs, "");
    }

    private ProcessBuilder terminal(String before, String jcomposeArgs, String after) {
        return environment(
                new ProcessBuilder("script", "-qec", before + cli() + " " + jcomposeArgs + after, "/dev/null"));
    }

    /** The CLI as a process of its own without a terminal (a shell runs it, so the quoting is the same). */
    private ProcessBuilder plain(String jcomposeArgs) {
        return environment(new ProcessBuilder("sh", "-c", "exec " + cli() + " " + jcomposeArgs));
    }

    private ProcessBuilder environment(ProcessBuilder pb) {
        pb.directory(sandbox.app().toFile())
                .redirectErrorStream(true)
                .environment()
                .putAll(sandbox.variables());
        return pb;
    }

    private String cli() {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "-p",
                project));
        return java.stream().map(InteractiveRootTest::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** exec process files or runtime logs left in a container's state directory. */
    private List<String> execFiles() throws IOException {
        List<String> left = new ArrayList<>();
        for (String id : sandbox.entries("run/containers")) {
            sandbox.entries("run/containers/" + id).stream()
                    .filter(n -> n.startsWith("exec-"))
                    .forEach(left::add);
        }
        return left;
    }
}
