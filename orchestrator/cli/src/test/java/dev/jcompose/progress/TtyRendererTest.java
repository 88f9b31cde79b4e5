package dev.jcompose.progress;

import static dev.jcompose.progress.ProgressEvent.container;
import static dev.jcompose.progress.ProgressEvent.image;
import static dev.jcompose.progress.ProgressEvent.network;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.console.Ansi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtyRendererTest {
    private static final String HIDE = "\033[?25l";
    private static final String SHOW = "\033[?25h";
    private final StringWriter text = new StringWriter();
    private final FakeClock clock = new FakeClock();

    private TtyRenderer renderer(int width, boolean colour) {
        return new TtyRenderer(new PrintWriter(text), clock, "Running", width, new Ansi(colour));
    }

    /** A line as compose aligns it: the timer right-aligned to the width. */
    private static String row(int width, String left, String timer) {
        return left + " ".repeat(width - Ansi.width(left) - Ansi.width(timer)) + timer + "\n";
    }

    /** The output written since the last call. */
    private String drain() {
        String s = text.toString();
        text.getBuffer().setLength(0);
        return s;
    }

    @Test
    void drawsHeaderSpinnersAndTimersThenRedrawsInPlace() {
        TtyRenderer r = renderer(80, false);
        r.event(ProgressEvent.working(network("shop_default"), "Creating"));
        r.event(ProgressEvent.working(container("shop-web-1"), "Creating"));
        clock.advanceMillis(300);
        r.event(ProgressEvent.done(network("shop_default"), "Created"));
        clock.advanceMillis(50);
        r.redraw();
        assertThat(drain())
                .isEqualTo(HIDE
                        + "[+] Running 1/2\n"
                        + " ✔ Network shop_default  Created                                           0.3s \n"
                        + row(80, " ⠸ Container shop-web-1  Creating", "0.3s ")
                        + SHOW);

        clock.advanceMillis(1000);
        r.event(ProgressEvent.done(container("shop-web-1"), "Created"));
        r.finish();
        assertThat(drain())
                .isEqualTo("\033[3A\r" + HIDE
                        + "[+] Running 2/2\n"
                        + row(80, " ✔ Network shop_default  Created", "0.3s ")
                        + row(80, " ✔ Container shop-web-1  Created", "1.4s ")
                        + SHOW);
        r.redraw();
        r.event(ProgressEvent.working(container("late"), "Creating"));
        assertThat(drain()).isEmpty();
    }

    @Test
    void spinnerAdvancesEveryHundredMilliseconds() {
        TtyRenderer r = renderer(40, false);
        r.event(ProgressEvent.working(container("a-1"), "Starting"));
        StringBuilder spinners = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            r.redraw();
            String frame = Ansi.strip(drain());
            spinners.append(frame.split("\n")[1].charAt(1));
            clock.advanceMillis(100);
        }
        assertThat(spinners.toString()).isEqualTo("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏⠋");
    }

    @Test
    void colouredFrameUsesComposeColours() {
        TtyRenderer r = renderer(80, true);
        r.event(ProgressEvent.working(container("web-1"), "Starting"));
        clock.advanceMillis(1200);
        r.event(ProgressEvent.done(container("web-1"), "Started"));
        r.event(ProgressEvent.error(container("api-1"), "exit 1"));
        r.event(ProgressEvent.warning(container("db-1"), "Skipped", "no such image"));
        r.finish();
        List<String> lines = List.of(drain().split("\n"));
        assertThat(lines.get(0)).isEqualTo(HIDE + "\033[36m[+] Running 3/3\033[0m");
        assertThat(lines.get(1))
                .isEqualTo(" \033[32m✔\033[0m Container web-1  \033[32mStarted\033[0m" + " ".repeat(80 - 27 - 5)
                        + "\033[34m1.2s \033[0m");
        assertThat(lines.get(2)).startsWith(" \033[31;1m✘\033[0m Container api-1  \033[31;1mError exit 1\033[0m");
        assertThat(lines.get(3))
                .startsWith(" \033[33;1m!\033[0m Container db-1   \033[33;1mSkipped no such image\033[0m");
        assertThat(lines.get(3)).endsWith("\033[34m0.0s \033[0m");
        assertThat(Ansi.width(lines.get(2))).isEqualTo(80);
    }

    @Test
    void headerIsNotColouredUntilAllDone() {
        TtyRenderer r = renderer(80, true);
        r.event(ProgressEvent.working(container("web-1"), "Starting"));
        r.redraw();
        assertThat(drain()).startsWith(HIDE + "[+] Running 0/1\n \033[33m⠋\033[0m Container web-1  Starting");
    }

    @Test
    void pullNestsLayersUnderTheImageWithBytes() {
        TtyRenderer r = new TtyRenderer(new PrintWriter(text), clock, "Pulling", 140, new Ansi(false));
        String busybox = image("busybox:1.36");
        r.event(ProgressEvent.working(busybox, "Pulling"));
        r.event(ProgressEvent.layer(
                busybox, "a1b2c3d4e5f6", ProgressStatus.WORKING, "Downloading", 500_000, 1_000_000));
        r.event(ProgressEvent.layer(
                busybox, "0f9e8d7c6b5a", ProgressStatus.DONE, "Pull complete", 2_000_000, 2_000_000));
        clock.advanceMillis(1250);
        r.redraw();
        assertThat(drain())
                .isEqualTo(HIDE
                        + "[+] Pulling 1/3\n"
                        + row(140, " ⠹ Image busybox:1.36 [⣤⣿]   2.5MB / 3MB      Pulling", "1.2s ")
                        + row(
                                140,
                                "   ⠹ a1b2c3d4e5f6      Downloading [=========================>" + " ".repeat(25)
                                        + "]    500kB/1MB",
                                "1.2s ")
                        + row(140, "   ✔ 0f9e8d7c6b5a      Pull complete", "0.0s ")
                        + SHOW);

        r.event(ProgressEvent.layer(
                busybox, "a1b2c3d4e5f6", ProgressStatus.DONE, "Pull complete", 1_000_000, 1_000_000));
        r.event(ProgressEvent.done(busybox, "Pulled"));
        r.finish();
        assertThat(Ansi.strip(drain()))
                .isEqualTo("\r"
                        + "[+] Pulling 3/3\n"
                        + row(140, " ✔ Image busybox:1.36  Pulled", "1.2s ")
                        + row(140, "   ✔ a1b2c3d4e5f6      Pull complete", "1.2s ")
                        + row(140, "   ✔ 0f9e8d7c6b5a      Pull complete", "0.0s "));
    }

    @Test
    void pullHidesByteTotalsWhileALayerSizeIsUnknown() {
        TtyRenderer r = renderer(80, false);
        String busybox = image("busybox:1.36");
        r.event(ProgressEvent.working(busybox, "Pulling"));
        r.event(ProgressEvent.layer(busybox, "a1b2c3d4e5f6", ProgressStatus.WORKING, "Waiting", 0, 0));
        r.redraw();
        assertThat(Ansi.strip(drain()).split("\n")[1]).startsWith(" ⠋ Image busybox:1.36 [⠀]  Pulling");
    }

    @Test
    void longErrorsAreCutToFitTheLine() {
        // compose keeps the status within width - 2 * id column - 15, so errors do not wrap the view
        TtyRenderer r = renderer(80, false);
        r.event(ProgressEvent.error(container("web-1"), "response from daemon: driver failed programming"));
        r.finish();
        assertThat(Ansi.strip(drain()).split("\n")[1])
                .isEqualTo(" ✘ Container web-1  Error response from daemon: drive...                   0.0s ");
    }

    @Test
    void layerWithoutItsImageLineIsStillShown() {
        TtyRenderer r = renderer(80, false);
        r.event(ProgressEvent.layer(image("x"), "l1", ProgressStatus.DONE, "Pull complete", 1, 1));
        r.finish();
        assertThat(Ansi.strip(drain())).isEqualTo("[+] Running 1/1\n" + row(80, " ✔ l1    Pull complete", "0.0s "));
    }

    @Test
    void dryRunMarkerFollowsTheSpinner() {
        TtyRenderer r = new TtyRenderer(new PrintWriter(text), clock, "Running", 80, new Ansi(true), true);
        r.event(ProgressEvent.done(container("web-1"), "Started"));
        r.finish();
        assertThat(drain().split("\n")[1])
                .startsWith(" \033[32m✔\033[0m\033[36m DRY-RUN MODE - \033[0m Container web-1  \033[32mStarted\033[0m");
    }

    @Test
    void tailMessagesFollowTheFinalFrame() {
        TtyRenderer r = renderer(40, false);
        r.message("WARN: orphan containers");
        r.finish();
        assertThat(drain()).isEqualTo("WARN: orphan containers\n");
    }

    @Test
    void goRoundingOfTimer() {
        assertThat(TtyFrame.seconds(0.25)).isEqualTo("0.2");
        assertThat(TtyFrame.seconds(0.35)).isEqualTo("0.3");
        assertThat(TtyFrame.seconds(12.96)).isEqualTo("13.0");
        assertThat(TtyFrame.seconds(0)).isEqualTo("0.0");
    }
}
