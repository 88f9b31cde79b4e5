package dev.jcompose.console;

import java.util.List;

/** {@code top} output: per container its name, then its process table, then an empty line. */
public final class TopFormatter {
    private TopFormatter() {}

    public static String render(List<TopView> views) {
        StringBuilder b = new StringBuilder();
        for (TopView view : views) {
            b.append(view.container()).append('\n');
            Table table = new Table(5, 3).row(view.titles());
            view.processes().forEach(table::row);
            b.append(table.render()).append('\n');
        }
        return b.toString();
    }
}
