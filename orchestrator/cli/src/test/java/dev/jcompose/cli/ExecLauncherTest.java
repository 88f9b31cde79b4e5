package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.container.ExecRecipe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command lines and messages exec and run hand to runc, conmon and the terminal. */
class ExecLauncherTest {
    @Test
    void withoutATtyTheRuntimeRunsInASessionOfItsOwn() {
        ExecRecipe noTty = new ExecRecipe("/usr/sbin/runc", "/r", "abc", "web-1", "{}", "/s", false, false);
        assertThat(String.join(" ", ExecLauncher.command(noTty, Path.of("/s/exec-1.json"), null)))
                .isEqualTo("setsid /usr/sbin/runc --root /r exec --process /s/exec-1.json abc");
        ExecRecipe tty = new ExecRecipe("/usr/sbin/runc", "/r", "abc", "web-1", "{}", "/s", true, false);
        assertThat(String.join(" ", ExecLauncher.command(tty, Path.of("/s/exec-1.json"), null)))
                .as("runc owns the terminal: same session")
                .isEqualTo("/usr/sbin/runc --root /r exec --process /s/exec-1.json abc");
    }

    /** docker's exec codes when the command cannot start; runc says why in its log and exits 255. */
    @Test
    void aCommandThatCannotStartExits127Or126() {
        assertThat(ExecLauncher.startFailure(
                        255,
                        Optional.of("exec failed: unable to start container process: exec: \"nope\": "
                                + "executable file not found in $PATH")))
                .isEqualTo(127);
        assertThat(ExecLauncher.startFailure(
                        255,
                        Optional.of("exec failed: unable to start container process: exec: \"/no/such\": "
                                + "stat /no/such: no such file or directory")))
                .isEqualTo(127);
        assertThat(ExecLauncher.startFailure(
                        127, Optional.of("executable file `nope` not found in $PATH: No such file or directory")))
                .as("crun's wording")
                .isEqualTo(127);
        assertThat(ExecLauncher.startFailure(
                        255,
                        Optional.of(
                                "exec failed: unable to start container process: exec: \"/etc\": permission denied")))
                .isEqualTo(126);
        assertThat(ExecLauncher.startFailure(
                        255,
                        Optional.of("exec failed: unable to start container process: chdir to cwd (\"/nope\") set in "
                                + "config.json failed: no such file or directory")))
                .as("the command exists, the process could not be set up")
                .isEqualTo(126);
        assertThat(ExecLauncher.startFailure(255, Optional.empty()))
                .as("the command ran and exited 255 itself")
                .isEqualTo(255);
        assertThat(ExecLauncher.startFailure(3, Optional.empty())).isEqualTo(3);
    }

    @Test
    void aTtyExecIsSizedBeforeItStarts() {
        assertThat(ExecLauncher.withConsoleSize("{\"terminal\":true,\"args\":[\"sh\"]}", 33, 101))
                .isEqualTo("{\"terminal\":true,\"args\":[\"sh\"],\"consoleSize\":{\"height\":33,\"width\":101}}");
    }

    @Test
    void conmonsResizeMessage() {
        assertThat(OneOffSession.resizeMessage(33, 101)).isEqualTo("1 33 101\n");
    }

    @Test
    void bytesToAWriterDecodeCharactersSplitAcrossWrites() {
        StringWriter sink = new StringWriter();
        Stdio.WriterStream stream = new Stdio.WriterStream(new PrintWriter(sink));
        byte[] euro = "a€b".getBytes(StandardCharsets.UTF_8); // € is three bytes
        stream.write(euro, 0, 2);
        stream.write(euro, 2, 3);
        assertThat(sink.toString()).isEqualTo("a€b");
    }
}
