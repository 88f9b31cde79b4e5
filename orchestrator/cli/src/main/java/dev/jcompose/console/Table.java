package dev.jcompose.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Column alignment as docker's tables do it (Go's tabwriter with minwidth 10, padding 3): each column
 * but the last is as wide as its widest cell plus three, at least ten; widths count code points.
 */
public final class Table {
    public static final int DOCKER_MIN_WIDTH = 10;
    public static final int DOCKER_PADDING = 3;

    private final int minWidth;
    private final int padding;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    public static Table docker(String... header) {
        return new Table(DOCKER_MIN_WIDTH, DOCKER_PADDING).row(header);
    }

    public Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    public Table row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The aligned lines, each ending with a newline. */
    public String render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(minWidth, width(row.get(i)) + padding));
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                b.append(cell);
                if (i < row.size() - 1) {
                    b.append(" ".repeat(widths[i] - width(cell)));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
