package dev.jcompose.progress;

import static dev.jcompose.progress.ProgressEvent.container;
import static dev.jcompose.progress.ProgressEvent.image;
import static dev.jcompose.progress.ProgressEvent.network;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LineRenderersTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final FakeClock clock = new FakeClock();

    private void upSequence(ProgressRenderer r) {
        r.event(ProgressEvent.working(network("shop_default"), "Creating"));
        r.event(ProgressEvent.done(network("shop_default"), "Created"));
        r.event(ProgressEvent.working(container("shop-web-1"), "Starting"));
        clock.advanceMillis(250);
        r.event(ProgressEvent.done(container("shop-web-1"), "Started"));
        r.event(ProgressEvent.error(container("shop-api-1"), "port 8080 is already allocated"));
        r.message("WARN: found orphan containers");
        r.finish();
        r.event(ProgressEvent.done(container("late-1"), "Started"));
    }

    @Test
    void plainPrintsOneLinePerEventLikeCompose() {
        upSequence(new PlainRenderer(out));
        assertThat(text.toString()).isEqualTo("""
                 Network shop_default  Creating
                 Network shop_default  Created
                 Container shop-web-1  Starting
                 Container shop-web-1  Started
                 Container shop-api-1  Error port 8080 is already allocated
                 WARN: found orphan containers
                """);
    }

    @Test
    void plainShowsPullBytes() {
        PlainRenderer r = new PlainRenderer(out);
        r.event(ProgressEvent.layer(
                image("busybox:1.36"), "a1b2c3d4e5f6", ProgressStatus.WORKING, "Downloading", 12_300_000, 45_600_000));
        r.event(ProgressEvent.layer(
                image("busybox:1.36"), "a1b2c3d4e5f6", ProgressStatus.DONE, "Pull complete", 45_600_000, 45_600_000));
        assertThat(text.toString()).isEqualTo("""
                 a1b2c3d4e5f6  Downloading   12.3MB/45.6MB
                 a1b2c3d4e5f6  Pull complete
                """);
    }

    @Test
    void jsonPrintsComposeFieldNamesOneObjectPerLine() {
        upSequence(new JsonRenderer(out, clock));
        assertThat(text.toString()).isEqualTo("""
                {"id":"Network shop_default","status":"Creating","time":"2026-11-23T02:00:00Z"}
                {"id":"Network shop_default","status":"Created","time":"2026-11-23T02:00:00Z"}
                {"id":"Container shop-web-1","status":"Starting","time":"2026-11-23T02:00:00Z"}
                {"id":"Container shop-web-1","status":"Started","time":"2026-11-23T02:00:00.250Z"}
                {"id":"Container shop-api-1","status":"Error","text":"port 8080 is already allocated",\
                "time":"2026-11-23T02:00:00.250Z"}
                {"tail":true,"text":"WARN: found orphan containers","time":"2026-11-23T02:00:00.250Z"}
                """);
    }

    @Test
    void jsonCarriesPullBytesAndParent() {
        new JsonRenderer(out, clock)
                .event(ProgressEvent.layer(
                        image("busybox:1.36"),
                        "a1b2c3d4e5f6",
                        ProgressStatus.WORKING,
                        "Downloading",
                        12_300_000,
                        45_600_000));
        assertThat(text.toString())
                .isEqualTo("{\"id\":\"a1b2c3d4e5f6\",\"parent_id\":\"Image busybox:1.36\","
                        + "\"status\":\"Downloading\",\"current\":12300000,\"total\":45600000,\"percent\":26,"
                        + "\"time\":\"2026-11-23T02:00:00Z\"}\n");
    }

    @Test
    void jsonEscapesText() {
        new JsonRenderer(out, clock).event(ProgressEvent.error(container("a"), "bad \"quote\"\nnext"));
        assertThat(text.toString())
                .startsWith("{\"id\":\"Container a\",\"status\":\"Error\",\"text\":\"bad \\\"quote\\\"\\nnext\"");
    }

    @Test
    void dryRunMarksEveryLine() {
        PlainRenderer plain = new PlainRenderer(out, true);
        plain.event(ProgressEvent.done(container("shop-web-1"), "Started"));
        plain.message("done");
        new JsonRenderer(out, clock, true).event(ProgressEvent.done(container("shop-web-1"), "Started"));
        assertThat(text.toString()).isEqualTo("""
                 DRY-RUN MODE -  Container shop-web-1  Started
                 DRY-RUN MODE -  done
                {"dry-run":true,"id":"Container shop-web-1","status":"Started","time":"2026-11-23T02:00:00Z"}
                """);
    }

    @Test
    void quietPrintsNothing() {
        upSequence(new QuietRenderer());
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void noneSinkAcceptsEverything() {
        ProgressSink none = ProgressSink.none();
        none.event(ProgressEvent.done(container("a"), "Started"));
        none.message("x");
        assertThat(text.toString()).isEmpty();
    }
}
