package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.ExitCode;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.FileSync;
import dev.jcompose.api.UpOptions;
import dev.jcompose.host.Clock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jcompose watch on a recording service: a saved file becomes one sync call with its container path. */
class WatchCommandTest {
    static final String COMPOSE = """
            name: demo
            services:
              web:
                image: busybox:1.36
                develop:
                  watch:
                    - {action: sync, path: ./www, target: /srv/www, ignore: ["*.log"]}
              db:
                image: busybox:1.36
            """;

    @TempDir
    Path dir;

    final RecordingCompose compose = new RecordingCompose();

    /** The CLI's clock with real monotonic time: the debounce needs time to pass. */
    static final Clock TICKING = new Clock() {
        @Override
        public Instant now() {
            return CommandsTest.NOW;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };

    /** Output that counts down once a line with {@code text} was written. */
    static final class Signalling extends Writer {
        final StringWriter all = new StringWriter();
        final CountDownLatch seen = new CountDownLatch(1);
        final String text;

        Signalling(String text) {
            this.text = text;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            all.write(buf, off, len);
            if (all.toString().contains(text)) {
                seen.countDown();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private Thread start(Signalling out, StringWriter err, AtomicInteger exit, String... args) {
        Main main = new Main(
                new Main.Environment(Map.of("HOME", "/nonexistent"), dir, new ByteArrayInputStream(new byte[0])),
                (env, notices) -> compose.backend(),
                TICKING);
        return Thread.ofPlatform()
                .name("watch-under-test")
                .start(() ->
                        exit.set(Main.execute(main, args, new PrintWriter(out, true), new PrintWriter(err, true))));
    }

    @Test
    void aSavedFileIsSyncedOnceToItsPlaceInTheContainer() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        Path www = Files.createDirectories(dir.resolve("www"));
        Signalling out = new Signalling("Watch enabled");
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watch = start(out, err, exit, "watch", "--no-up");
        try {
            assertThat(out.seen.await(30, TimeUnit.SECONDS))
                    .as("watch started: %s", err)
                    .isTrue();
            Files.writeString(www.resolve("debug.log"), "ignored");
            Files.writeString(www.resolve(".index.html.swp"), "ignored");
            Files.writeString(www.resolve("index.html"), "hello");

            List<FileSync> changes = compose.syncs.poll(30, TimeUnit.SECONDS);
            assertThat(changes)
                    .containsExactly(
                            FileSync.file("/srv/www/index.html", mode(www.resolve("index.html")), bytes("hello")));
        } finally {
            watch.interrupt();
            watch.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(watch.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCode.CANCELED);
        assertThat(compose.calls).containsExactly("sync demo web");
        assertThat(out.all.toString())
                .contains("Watch enabled", "Syncing service \"web\" after 1 changes were detected", "Watch disabled");
    }

    @Test
    void watchRunsUpFirstAndRefusesAProjectWithoutDevelopWatch() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        Files.createDirectories(dir.resolve("www"));
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Signalling out = new Signalling("Watch enabled");
        Thread watch = start(out, err, exit, "watch", "web");
        assertThat(out.seen.await(30, TimeUnit.SECONDS))
                .as("watch started: %s", err)
                .isTrue();
        watch.interrupt();
        watch.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(compose.calls).containsExactly("up demo");

        Signalling none = new Signalling("never");
        Thread refused = start(none, err, exit, "watch", "db");
        refused.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(exit.get()).isNotZero().isNotEqualTo(ExitCode.CANCELED);
        assertThat(err.toString())
                .contains(
                        "none of the selected services is configured for watch, consider setting a 'develop' section");
        assertThat(compose.calls).containsExactly("up demo");
    }

    @Test
    void aRebuildBuildsTheServiceThenRecreatesItAlone() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  app:
                    build: ./app
                    depends_on: [db]
                    develop:
                      watch:
                        - {action: rebuild, path: ./app}
                        - {action: sync+restart, path: ./conf, target: /etc/app}
                  db:
                    image: busybox:1.36
                """);
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve(".dockerignore"), "*.md\n");
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Signalling out = new Signalling("Watch enabled");
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watch = start(out, err, exit, "watch", "--no-up");
        try {
            assertThat(out.seen.await(30, TimeUnit.SECONDS))
                    .as("watch started: %s", err)
                    .isTrue();
            Files.writeString(app.resolve("README.md"), "ignored by the build context's .dockerignore");
            Files.writeString(app.resolve("main.c"), "int main;");
            assertThat(compose.callLog.poll(30, TimeUnit.SECONDS)).startsWith("build demo");
            assertThat(compose.callLog.poll(30, TimeUnit.SECONDS)).isEqualTo("up demo");
            Files.writeString(conf.resolve("app.conf"), "x=1");
            assertThat(compose.callLog.poll(30, TimeUnit.SECONDS)).isEqualTo("sync demo app");
            assertThat(compose.callLog.poll(30, TimeUnit.SECONDS)).isEqualTo("restart demo [app] null");
        } finally {
            watch.interrupt();
            watch.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(compose.calls)
                .containsExactly(
                        "build demo " + new BuildOptions(List.of("app"), false, false, null),
                        "up demo",
                        "sync demo app",
                        "restart demo [app] null");
        UpOptions up = (UpOptions) compose.arguments.get(1);
        assertThat(up.services()).containsExactly("app");
        assertThat(up.noDeps()).isTrue();
        assertThat(up.forceRecreate()).isTrue();
        assertThat(out.all.toString())
                .contains(
                        "Rebuilding service(s) [\"app\"] after changes were detected...",
                        "service(s) [\"app\"] successfully built",
                        "Syncing service \"app\" after 1 changes were detected",
                        "service(s) [\"app\"] restarted");
    }

    @Test
    void upWatchChecksTheProjectBeforeUpAndNeedsAnAttachedUp() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        Files.createDirectories(dir.resolve("www"));
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread detached = start(new Signalling("never"), err, exit, "up", "--watch", "-d");
        detached.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(exit.get()).isEqualTo(ExitCode.COMMAND_SYNTAX);
        assertThat(err.toString()).contains("--watch needs an attached up");

        Thread none = start(new Signalling("never"), err, exit, "up", "--watch", "db");
        none.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(err.toString()).contains("none of the selected services is configured for watch");
        assertThat(compose.calls).isEmpty();

        Signalling out = new Signalling("Watch disabled");
        Thread attached = start(out, err, exit, "up", "--watch");
        attached.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(exit.get()).as(err.toString()).isZero();
        assertThat(compose.calls).startsWith("up demo");
        assertThat(out.seen.getCount())
                .as("the watch ended with the attached up")
                .isZero();
    }

    private static int mode(Path p) throws IOException {
        return (int) Files.getAttribute(p, "unix:mode") & 07777;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
