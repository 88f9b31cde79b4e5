package dev.jcompose.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.state.ContainerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TablesTest {
    @Test
    void dockerTableColumnsAreWidestPlusThreeAtLeastTen() {
        assertThat(Table.docker("A", "BB", "LAST")
                        .row("a-very-long-cell", "é…", "x")
                        .render())
                .isEqualTo("""
                A                  BB        LAST
                a-very-long-cell   é…        x
                """);
    }

    @Test
    void lsTableAndStatus() {
        List<ProjectView> projects = List.of(
                new ProjectView(
                        "shop",
                        Map.of(ContainerState.RUNNING, 3, ContainerState.EXITED, 1),
                        List.of("/srv/shop/compose.yaml", "/srv/shop/compose.override.yaml")),
                new ProjectView(
                        "blog",
                        Map.of(ContainerState.PAUSED, 1, ContainerState.CREATED, 0),
                        List.of("/srv/blog/compose.yaml")));
        assertThat(LsFormatter.table(projects)).isEqualTo("""
                NAME      STATUS                  CONFIG FILES
                shop      exited(1), running(3)   /srv/shop/compose.yaml,/srv/shop/compose.override.yaml
                blog      paused(1)               /srv/blog/compose.yaml
                """);
        assertThat(LsFormatter.quiet(projects)).isEqualTo("shop\nblog\n");
        assertThat(LsFormatter.json(projects))
                .isEqualTo("[{\"Name\":\"shop\",\"Status\":\"exited(1), running(3)\","
                        + "\"ConfigFiles\":\"/srv/shop/compose.yaml,/srv/shop/compose.override.yaml\"},"
                        + "{\"Name\":\"blog\",\"Status\":\"paused(1)\",\"ConfigFiles\":\"/srv/blog/compose.yaml\"}]\n");
        assertThat(LsFormatter.json(List.of())).isEqualTo("[]\n");
    }

    @Test
    void imagesTable() {
        List<ImageView> images = List.of(
                new ImageView(
                        "shop-web-1",
                        "busybox",
                        "1.36",
                        "sha256:a416a98b71e224a31ee99cff8e16063554498227d2b696152a9c3e0aa65e5824",
                        4_261_642),
                new ImageView("shop-db-1", "", "", "0123456789abcdef", 77_800_000));
        assertThat(ImagesFormatter.table(images)).isEqualTo("""
                CONTAINER    REPOSITORY   TAG       IMAGE ID       SIZE
                shop-web-1   busybox      1.36      a416a98b71e2   4.26MB
                shop-db-1    <none>       <none>    0123456789ab   77.8MB
                """);
        assertThat(ImagesFormatter.quiet(List.of(images.get(0), images.get(0)))).isEqualTo("a416a98b71e2\n");
        assertThat(ImagesFormatter.shortId("abc")).isEqualTo("abc");
    }

    @Test
    void topPrintsOneTablePerContainer() {
        List<String> titles = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        String out = TopFormatter.render(List.of(
                new TopView(
                        "shop-web-1",
                        titles,
                        List.of(
                                List.of("root", "4123", "4101", "0", "02:00", "?", "00:00:00", "sh -c sleep 1000"),
                                List.of("root", "4150", "4123", "0", "02:00", "?", "00:00:00", "sleep 1000"))),
                new TopView("shop-db-1", titles, List.of())));
        assertThat(out).isEqualTo("""
                shop-web-1
                UID    PID    PPID   C    STIME   TTY   TIME       CMD
                root   4123   4101   0    02:00   ?     00:00:00   sh -c sleep 1000
                root   4150   4123   0    02:00   ?     00:00:00   sleep 1000

                shop-db-1
                UID   PID   PPID   C    STIME   TTY   TIME   CMD

                """);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "hello|20|hello",
                "sh -c 'echo hello world'|20|sh -c 'echo hello w…",
                "abcdef|1|a",
                "abcdef|0|``",
                "héllo wörld|5|héll…",
            })
    void ellipsisLikeDocker(String in, int max, String expected) {
        assertThat(GoText.ellipsis(in, max)).isEqualTo(expected);
    }

    @Test
    void quoteLikeGoStrconv() {
        assertThat(GoText.quote("sh -c 'echo'")).isEqualTo("\"sh -c 'echo'\"");
        assertThat(GoText.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoText.quote("x\ny\tz\r")).isEqualTo("\"x\\ny\\tz\\r\"");
        assertThat(GoText.quote("\u0001\u007f\u0007")).isEqualTo("\"\\x01\\x7f\\a\"");
        assertThat(GoText.quote("\u0085é…")).isEqualTo("\"\\u0085é…\"");
    }

    @Test
    void ansiHelpers() {
        assertThat(new Ansi(true).apply("36", "x")).isEqualTo("\033[36mx\033[0m");
        assertThat(new Ansi(false).apply("36", "x")).isEqualTo("x");
        assertThat(Ansi.strip("\033[?25l\033[2A\r\033[36;1mhé\033[0m")).isEqualTo("\rhé");
        assertThat(Ansi.width("\033[32m✔\033[0m ok")).isEqualTo(4);
        assertThat(AnsiMode.AUTO.enabled(true)).isTrue();
        assertThat(AnsiMode.AUTO.enabled(false)).isFalse();
        assertThat(AnsiMode.NEVER.ansi(true).enabled()).isFalse();
        assertThat(AnsiMode.ALWAYS.ansi(false).enabled()).isTrue();
    }
}
