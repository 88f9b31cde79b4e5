package dev.jcompose.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.Main;
import dev.jcompose.session.SessionServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin client against a command socket served in this JVM (no engine needed: config and the
 * command line's errors never reach one): what comes back is what the CLI run in process prints,
 * with its exit code; stdin is read on demand; a signal nobody traps ends the command as it ends a
 * process; a client of another build is refused, so it runs the command itself.
 */
class ThinClientTest {
    private static final String BUILD = "test-build";

    @TempDir
    Path dir;

    private SessionServer server;
    private Path socket;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        Files.writeString(
                dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox:1.36\n    ports: [\"8080:80\"]\n");
        socket = dir.resolve("run/engine/session/cli.sock");
        server = SessionServer.start(socket, BUILD, log::add);
    }

    @AfterEach
    void close() {
        server.close();
    }

    private record Outcome(Integer exit, String out, String err) {}

    private Outcome thin(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ThinClient.ClientSession session = ThinClient.ClientSession.open(socket, request(BUILD, args), out, err, stdin);
        Integer exit = session == null ? null : session.serve();
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private SessionRequest request(String build, String... args) {
        return new SessionRequest(
                SessionWire.VERSION, build, List.of(args), dir.toString(), Map.of("HOME", dir.toString()), false);
    }

    private Outcome local(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new Main.Environment(Map.of("HOME", dir.toString()), dir, new ByteArrayInputStream(new byte[0])));
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void aCommandGivesWhatTheCliInProcessGivesReadAgainstTheClientsDirectory() {
        Outcome thin = thin(InputStream.nullInputStream(), "config");
        assertThat(thin.exit()).isZero();
        assertThat(thin.out())
                .contains("published: \"8080\"")
                .isEqualTo(local("config").out());
        assertThat(thin).isEqualTo(local("config"));
    }

    @Test
    void errorsAndExitCodesAreTheCliOnes() {
        assertThat(thin(InputStream.nullInputStream(), "--bogus")).isEqualTo(local("--bogus"));
        assertThat(thin(InputStream.nullInputStream(), "--bogus").exit()).isEqualTo(16);
        assertThat(thin(InputStream.nullInputStream(), "-f", "missing.yaml", "config"))
                .isEqualTo(local("-f", "missing.yaml", "config"));
    }

    @Test
    void stdinIsReadWhenTheCommandReadsIt() {
        byte[] file = "services: {x: {image: y}}\n".getBytes(StandardCharsets.UTF_8);
        Outcome o = thin(new ByteArrayInputStream(file), "-f", "-", "config", "--services");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).isEqualTo("x\n");
    }

    @Test
    void anUntrappedSignalEndsTheCommandWithTheSignalsExitCode() throws Exception {
        PipedInputStream stdin = new PipedInputStream(); // never written: config waits for the file
        PipedOutputStream keepOpen = new PipedOutputStream(stdin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ThinClient.ClientSession session = ThinClient.ClientSession.open(
                socket, request(BUILD, "-f", "-", "config"), out, new ByteArrayOutputStream(), stdin);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(session::serve);
        session.relay("INT");
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(130);
        keepOpen.close();
    }

    @Test
    void aClientOfAnotherBuildIsRefusedSoItRunsTheCommandItself() {
        assertThat(ThinClient.ClientSession.open(
                        socket,
                        request("other-build", "config"),
                        OutputStream.nullOutputStream(),
                        OutputStream.nullOutputStream(),
                        InputStream.nullInputStream()))
                .isNull();
    }

    @Test
    void noEngineMeansTheClientRunsTheCommandItself() {
        assertThat(ThinClient.ClientSession.open(
                        dir.resolve("nothing.sock"),
                        request(BUILD, "config"),
                        OutputStream.nullOutputStream(),
                        OutputStream.nullOutputStream(),
                        InputStream.nullInputStream()))
                .isNull();
    }

    @Test
    void execAndRunOnATerminalAndEngineControlStayInTheClientsProcess() {
        Map<String, String> env = Map.of();
        assertThat(ThinClient.thin(new String[] {"ps"}, env, true)).isTrue();
        assertThat(ThinClient.thin(new String[] {"exec", "web", "sh"}, env, false))
                .isTrue();
        assertThat(ThinClient.thin(new String[] {"exec", "web", "sh"}, env, true))
                .isFalse();
        assertThat(ThinClient.thin(new String[] {"run", "web"}, env, true)).isFalse();
        assertThat(ThinClient.thin(new String[] {"engine", "stop"}, env, false)).isFalse();
        assertThat(ThinClient.thin(new String[] {"ps"}, Map.of("JCOMPOSE_THIN", "0"), false))
                .isFalse();
        assertThat(ThinClient.thin(new String[] {"ps"}, Map.of("JCOMPOSE_ENGINE", "inprocess"), false))
                .isFalse();
    }

    @Test
    void theClientLooksForTheSocketWhereTheEngineServesIt() {
        assertThat(ThinClient.socket(Map.of("JCOMPOSE_RUN_ROOT", "/run/x")))
                .isEqualTo(dev.jcompose.session.CommandSessions.socket(Path.of("/run/x")));
        assertThat(ThinClient.socket(Map.of()))
                .isEqualTo(dev.jcompose.session.CommandSessions.socket(Path.of("/run/jcompose")));
    }
}
