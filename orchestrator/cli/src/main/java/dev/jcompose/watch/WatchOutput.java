package dev.jcompose.watch;

import dev.jcompose.api.StackListener;
import java.util.function.Consumer;

/** Where a watch session reports: compose's watch lines, its errors, and the progress of engine calls. */
public interface WatchOutput {
    void line(String text);

    void error(String text);

    /** Runs {@code work} with a listener drawing its progress under {@code title}. */
    void progress(String title, Consumer<StackListener> work);
}
