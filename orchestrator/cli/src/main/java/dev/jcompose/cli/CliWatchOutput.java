package dev.jcompose.cli;

import dev.jcompose.api.StackListener;
import dev.jcompose.watch.WatchOutput;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Function;

/** A watch session's lines on stdout, its errors on stderr, engine calls with a progress view each. */
record CliWatchOutput(PrintWriter out, PrintWriter err, Function<String, ProgressOutput> progress)
        implements WatchOutput {
    @Override
    public void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public void error(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    @Override
    public void progress(String title, Consumer<StackListener> work) {
        try (ProgressOutput view = progress.apply(title)) {
            work.accept(view.listener());
        }
    }
}
