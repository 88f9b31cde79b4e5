package dev.jcompose.console;

import java.util.List;

/**
 * compose's log prefix colours, handed out in its order: cyan, yellow, green, magenta, blue, then
 * the same five intense (bold), then around again. Not shared: each printer has its own sequence.
 */
final class LogColors {
    static final List<String> RAINBOW = List.of("36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1");
    private int next;

    String next() {
        String code = RAINBOW.get(next);
        next = (next + 1) % RAINBOW.size();
        return code;
    }
}
