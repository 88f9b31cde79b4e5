package dev.jcompose.progress;

import dev.jcompose.console.Ansi;
import dev.jcompose.quantity.HumanSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lays out one frame of the tty view: pure, so frames are golden-tested with a fake clock. Colours are
 * compose's: header cyan once all is done, spinner yellow, done green, warning bold yellow, error bold
 * red, timer blue.
 */
final class TtyFrame {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String[] PERCENT = {"⠀", "⡀", "⣀", "⣄", "⣤", "⣦", "⣶", "⣷", "⣿"};
    private static final long SPINNER_STEP_NANOS = 100_000_000L;
    private static final String CHILD_PAD = "  ";
    /** compose's marker for {@code --dry-run} output. */
    static final String DRY_RUN_PREFIX = " DRY-RUN MODE - ";

    private final String title;
    private final int width;
    private final Ansi ansi;
    private final String prefix;

    TtyFrame(String title, int width, Ansi ansi, boolean dryRun) {
        this.title = title;
        this.width = width;
        this.ansi = ansi;
        this.prefix = dryRun ? ansi.apply(Ansi.CYAN, DRY_RUN_PREFIX) : "";
    }

    List<String> render(List<TtyLine> lines, long now) {
        List<String> rows = new ArrayList<>();
        rows.add(header(lines));
        int statusPadding = statusPadding(lines);
        Set<String> ids = lines.stream().map(l -> l.event().id()).collect(Collectors.toSet());
        for (TtyLine line : lines) {
            // a layer whose image line never came is shown on its own rather than lost
            if (line.event().hasParent() && ids.contains(line.event().parentId())) {
                continue;
            }
            List<TtyLine> children = children(lines, line.event().id());
            rows.add(lineText(line, children, "", statusPadding, now));
            for (TtyLine child : children) {
                rows.add(lineText(child, List.of(), CHILD_PAD, statusPadding, now));
            }
        }
        return rows;
    }

    /** {@code [+] Running done/total}, counting every line as compose does, pull layers included. */
    private String header(List<TtyLine> lines) {
        long total = lines.size();
        long done = lines.stream().filter(l -> l.event().status().finished()).count();
        String header = "[+] " + title + " " + done + "/" + total;
        return done == total ? ansi.apply(Ansi.CYAN, header) : header;
    }

    /** Width of the widest id column (children count their indent), so statuses line up. */
    private static int statusPadding(List<TtyLine> lines) {
        int padding = 0;
        for (TtyLine line : lines) {
            int indent = line.event().hasParent() ? CHILD_PAD.length() : 0;
            padding = Math.max(padding, indent + line.event().id().length() + 1);
        }
        return padding;
    }

    private static List<TtyLine> children(List<TtyLine> lines, String parentId) {
        return lines.stream().filter(l -> l.event().parentId().equals(parentId)).toList();
    }

    private String lineText(TtyLine line, List<TtyLine> children, String pad, int statusPadding, long now) {
        ProgressEvent event = line.event();
        String txt = event.id() + " " + aggregate(event, children);
        int textLen = pad.length() + txt.length();
        String status = statusText(event);
        int maxStatusLen = width - textLen - statusPadding - 15;
        if (maxStatusLen > 0 && status.length() > maxStatusLen) {
            status = status.substring(0, maxStatusLen) + "...";
        }
        String left = pad + " " + spinner(line, now) + prefix + " " + txt
                + " ".repeat(Math.max(0, statusPadding - textLen)) + " " + statusColour(event.status(), status);
        String timer = ansi.apply(Ansi.BLUE, seconds(line.elapsedSeconds(now)) + "s ");
        int gap = width - Ansi.width(left) - Ansi.width(timer);
        return left + " ".repeat(Math.max(0, gap)) + timer;
    }

    /** Go's {@code %.1f}: the exact binary value rounded half to even, so 0.25 shows as 0.2. */
    static String seconds(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String statusText(ProgressEvent event) {
        String status = event.statusText();
        if (event.hasParent() && !event.status().finished()) {
            String bar = PullBar.render(event.current(), event.total());
            return bar.isEmpty() ? status : status + " " + bar;
        }
        return status;
    }

    /** While a pull runs: one braille cell per layer filling up, then the bytes of all layers. */
    private String aggregate(ProgressEvent parent, List<TtyLine> children) {
        if (parent.status().finished() || children.isEmpty()) {
            return "";
        }
        StringBuilder cells = new StringBuilder();
        long current = 0;
        long total = 0;
        boolean hideDetails = false;
        for (TtyLine child : children) {
            ProgressEvent c = child.event();
            hideDetails |= !c.status().finished() && c.total() == 0;
            current += c.current();
            total += c.total();
            cells.append(PERCENT[(PERCENT.length - 1) * c.percent() / 100]);
        }
        String details = hideDetails || total == 0
                ? ""
                : String.format(" %7s / %-7s", HumanSize.format(current), HumanSize.format(total));
        return "[" + ansi.apply(Ansi.GREEN, cells.toString()) + "]" + details + " ";
    }

    private String spinner(TtyLine line, long now) {
        return switch (line.event().status()) {
            case DONE -> ansi.apply(Ansi.GREEN, "✔");
            case WARNING -> ansi.apply(Ansi.BOLD_YELLOW, "!");
            case ERROR -> ansi.apply(Ansi.BOLD_RED, "✘");
            case WORKING ->
                ansi.apply(
                        Ansi.YELLOW, SPINNER[(int) ((now - line.startNanos()) / SPINNER_STEP_NANOS % SPINNER.length)]);
        };
    }

    private String statusColour(ProgressStatus status, String text) {
        return switch (status) {
            case DONE -> ansi.apply(Ansi.GREEN, text);
            case WARNING -> ansi.apply(Ansi.BOLD_YELLOW, text);
            case ERROR -> ansi.apply(Ansi.BOLD_RED, text);
            case WORKING -> text;
        };
    }
}
