package dev.jcompose.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.console.Ansi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrencyTest {
    @Test
    void eventsFromManyThreadsWhileRedrawingEndInOneConsistentFrame() throws InterruptedException {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        TtyRenderer r = new TtyRenderer(new PrintWriter(text), clock, "Running", 80, new Ansi(false));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    String id = ProgressEvent.container("c" + thread + "-" + i);
                    r.event(ProgressVerb.START.working(id));
                    r.redraw();
                    r.event(ProgressVerb.START.done(id));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        r.finish();
        String out = text.toString();
        String last = out.substring(out.lastIndexOf("[+]"));
        assertThat(last).startsWith("[+] Running 200/200\n");
        assertThat(last).endsWith("0.0s \n\033[?25h");
        assertThat(last.split("\n")).hasSize(202);
    }

    @Test
    void timerRedrawsUntilClosedThenFinishes() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        try {
            StringWriter text = new StringWriter();
            TtyRenderer r = new TtyRenderer(new PrintWriter(text), new FakeClock(), "Running", 80, new Ansi(false));
            r.event(ProgressVerb.CREATE.done(ProgressEvent.network("n")));
            RedrawTimer timer = new RedrawTimer(r, executor);
            assertThat(executor.getQueue()).hasSize(1);
            timer.close();
            assertThat(executor.getQueue()).isEmpty();
            assertThat(text.toString()).contains("[+] Running 1/1\n");
            int length = text.toString().length();
            r.redraw();
            assertThat(text.toString()).hasSize(length);
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "CREATE,Creating,Created", "RECREATE,Recreate,Recreated", "START,Starting,Started", "WAIT,Waiting,Healthy",
        "STOP,Stopping,Stopped", "KILL,Killing,Killed", "RESTART,Restarting,Restarted", "REMOVE,Removing,Removed",
        "PULL,Pulling,Pulled", "BUILD,Building,Built",
    })
    void verbsUseComposeWords(ProgressVerb verb, String working, String done) {
        assertThat(verb.working("x")).isEqualTo(ProgressEvent.working("x", working));
        assertThat(verb.done("x")).isEqualTo(ProgressEvent.done("x", done));
        assertThat(verb.working("x").status()).isEqualTo(ProgressStatus.WORKING);
    }

    @Test
    void runningAndExited() {
        assertThat(ProgressVerb.running("x").statusText()).isEqualTo("Running");
        assertThat(ProgressVerb.exited("x").status()).isEqualTo(ProgressStatus.DONE);
    }
}
