package dev.jcompose.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPrinterTest {
    private static final Instant T = Instant.parse("2026-11-23T02:00:01.5Z");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private LogPrinter printer(boolean color, boolean prefix, boolean timestamps) {
        return new LogPrinter(new PrintWriter(out), new PrintWriter(err), new LogFormat(color, prefix, timestamps));
    }

    private static LogChunk line(String container, String text) {
        return new LogChunk(container, container.replaceAll("-\\d+$", ""), LogStream.STDOUT, T, text);
    }

    @Test
    void padsPrefixesToTheLongestNamePlusOne() {
        LogPrinter p = printer(false, true, false);
        p.attaching(List.of("api-1", "web-12"));
        p.print(line("api-1", "listening\n"));
        p.print(line("web-12", "GET /\n"));
        assertThat(err.toString()).isEqualTo("Attaching to api-1, web-12\n");
        assertThat(out.toString()).isEqualTo("""
                api-1   | listening
                web-12  | GET /
                """);
    }

    @Test
    void widensWhenALongerContainerAppears() {
        LogPrinter p = printer(false, true, false);
        p.print(line("db-1", "ready\n"));
        p.print(line("worker-1", "tick\n"));
        p.print(line("db-1", "still ready\n"));
        assertThat(out.toString()).isEqualTo("""
                db-1  | ready
                worker-1  | tick
                db-1      | still ready
                """);
    }

    @Test
    void coloursContainersInComposeOrder() {
        LogPrinter p = printer(true, true, false);
        List<String> names = List.of("a-1", "b-1", "c-1", "d-1", "e-1", "f-1", "g-1", "h-1", "i-1", "j-1", "k-1");
        names.forEach(p::register);
        names.forEach(n -> p.print(line(n, "x\n")));
        assertThat(out.toString().split("\n"))
                .containsExactly(
                        "\033[36ma-1  | \033[0mx",
                        "\033[33mb-1  | \033[0mx",
                        "\033[32mc-1  | \033[0mx",
                        "\033[35md-1  | \033[0mx",
                        "\033[34me-1  | \033[0mx",
                        "\033[36;1mf-1  | \033[0mx",
                        "\033[33;1mg-1  | \033[0mx",
                        "\033[32;1mh-1  | \033[0mx",
                        "\033[35;1mi-1  | \033[0mx",
                        "\033[34;1mj-1  | \033[0mx",
                        "\033[36mk-1  | \033[0mx");
    }

    @Test
    void stderrGoesToTheErrorWriter() {
        LogPrinter p = printer(false, true, false);
        p.print(new LogChunk("web-1", "web", LogStream.STDERR, T, "oops\n"));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("web-1  | oops\n");
    }

    @Test
    void noPrefixAndTimestamps() {
        LogPrinter p = printer(true, false, true);
        p.print(line("web-1", "hello\n"));
        assertThat(out.toString()).isEqualTo("2026-11-23T02:00:01.500000000Z hello\n");
    }

    @Test
    void timestampsAfterThePrefix() {
        LogPrinter p = printer(false, true, true);
        p.print(new LogChunk("web-1", "web", LogStream.STDOUT, Instant.parse("2026-01-02T03:04:05.123456789Z"), "a\n"));
        assertThat(out.toString()).isEqualTo("web-1  | 2026-01-02T03:04:05.123456789Z a\n");
    }

    @Test
    void splitsChunksAndHoldsPartialLines() {
        LogPrinter p = printer(false, true, false);
        p.print(line("web-1", "one\ntwo\nthr"));
        assertThat(out.toString()).isEqualTo("web-1  | one\nweb-1  | two\n");
        p.print(line("web-1", "ee\nfo"));
        assertThat(out.toString()).endsWith("web-1  | three\n");
        p.print(line("api-1", "\n"));
        p.flush();
        assertThat(out.toString()).isEqualTo("""
                web-1  | one
                web-1  | two
                web-1  | three
                api-1  |\s
                web-1  | fo
                """);
    }

    @Test
    void partialLinesAreKeptPerStream() {
        LogPrinter p = printer(false, false, false);
        p.print(new LogChunk("w", "w", LogStream.STDOUT, T, "out-"));
        p.print(new LogChunk("w", "w", LogStream.STDERR, T, "err\n"));
        p.print(new LogChunk("w", "w", LogStream.STDOUT, T, "done\n"));
        assertThat(out.toString()).isEqualTo("out-done\n");
        assertThat(err.toString()).isEqualTo("err\n");
    }

    @Test
    void statusMessagesLikeCompose() {
        LogPrinter p = printer(false, true, false);
        p.exited("web-1", 3);
        p.gracefullyStopping();
        p.aborting();
        assertThat(out.toString()).isEqualTo("""
                web-1 exited with code 3
                Aborting on container exit...
                """);
        assertThat(err.toString()).isEqualTo("Gracefully stopping... (press Ctrl+C again to force)\n");
    }

    @Test
    void optionsFromFlags() {
        assertThat(LogFormat.of(AnsiMode.AUTO, true, false, false, false)).isEqualTo(new LogFormat(true, true, false));
        assertThat(LogFormat.of(AnsiMode.AUTO, false, false, true, true)).isEqualTo(new LogFormat(false, false, true));
        assertThat(LogFormat.of(AnsiMode.ALWAYS, false, true, false, false))
                .isEqualTo(new LogFormat(false, true, false));
        assertThat(LogFormat.of(AnsiMode.NEVER, true, false, false, false))
                .isEqualTo(new LogFormat(false, true, false));
        assertThat(LogFormat.defaults(true)).isEqualTo(new LogFormat(true, true, false));
    }

    @Test
    void colouredStatusErasesTheLineFirst() {
        LogPrinter p = printer(true, true, false);
        p.register("api-1");
        p.exited("web-1", 0);
        assertThat(out.toString()).isEqualTo("\r\033[K\033[33mweb-1 exited with code 0\033[0m\n");
    }
}
