package dev.jcompose.console;

import java.util.List;

/**
 * The processes of one container, as {@code ps -ef} inside it reports them.
 *
 * @param titles the column titles: {@code UID PID PPID C STIME TTY TIME CMD}
 * @param processes one row per process, as many cells as titles
 */
public record TopView(String container, List<String> titles, List<List<String>> processes) {
    public TopView {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
