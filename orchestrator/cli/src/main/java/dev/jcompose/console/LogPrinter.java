package dev.jcompose.console;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints container output the way compose does: {@code web-1  | hello}, every prefix padded to the
 * longest container name seen so far plus one, each container in its own colour in compose's order,
 * stderr lines to the error writer. A chunk that ends without a newline is held until the rest of the
 * line arrives or {@link #flush()} is called. Thread-safe: logs arrive from several containers at once.
 */
public final class LogPrinter {
    /** Go's RFC3339NanoFixed: always nine fraction digits, as {@code docker logs -t} prints. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final PrintWriter err;
    private final LogFormat options;
    private final LogColors colors = new LogColors();
    private final Map<String, String> colorByContainer = new LinkedHashMap<>();
    private final Map<String, LogChunk> partial = new HashMap<>();
    private int width;

    public LogPrinter(PrintWriter out, PrintWriter err, LogFormat options) {
        this.out = out;
        this.err = err;
        this.options = options;
    }

    /** Registers containers up front so the first lines are already padded to the longest name. */
    public synchronized void register(String container) {
        colorByContainer.computeIfAbsent(container, c -> colors.next());
        width = Math.max(width, container.length() + 1);
    }

    public synchronized void print(LogChunk line) {
        String key = line.container() + "\0" + line.stream();
        LogChunk held = partial.remove(key);
        String text = held == null ? line.text() : held.text() + line.text();
        LogChunk whole = held == null
                ? line
                : new LogChunk(line.container(), line.service(), line.stream(), held.timestamp(), text);
        int end = text.lastIndexOf('\n');
        if (end < text.length() - 1) {
            partial.put(
                    key,
                    new LogChunk(
                            line.container(),
                            line.service(),
                            line.stream(),
                            whole.timestamp(),
                            text.substring(end + 1)));
        }
        if (end >= 0) {
            for (String part : text.substring(0, end).split("\n", -1)) {
                emit(whole, part);
            }
        }
    }

    /** Prints held partial lines, e.g. when a container's stream ends. */
    public synchronized void flush() {
        List<LogChunk> held = List.copyOf(partial.values());
        partial.clear();
        held.stream().sorted((a, b) -> a.container().compareTo(b.container())).forEach(line -> emit(line, line.text()));
        out.flush();
        err.flush();
    }

    /** {@code Attaching to api-1, web-1}, to the error writer as compose's stdinfo. */
    public synchronized void attaching(List<String> containers) {
        containers.forEach(this::register);
        err.println("Attaching to " + String.join(", ", containers));
        err.flush();
    }

    /** {@code web-1 exited with code 3}, in the container's colour. */
    public void exited(String container, int exitCode) {
        status(container, "exited with code " + exitCode);
    }

    /** A line about a container in its colour, starting by erasing the current line as compose does. */
    public synchronized void status(String container, String message) {
        register(container);
        String text = container + " " + message;
        out.println(options.color() ? Ansi.RESET_LINE + colour(container, text) : text);
        out.flush();
    }

    /** What compose prints (to stdinfo, the error writer) on the first Ctrl-C while attached. */
    public synchronized void gracefullyStopping() {
        err.println("Gracefully stopping... (press Ctrl+C again to force)");
        err.flush();
    }

    /** What compose prints when {@code --abort-on-container-exit} stops the project. */
    public synchronized void aborting() {
        out.println("Aborting on container exit...");
        out.flush();
    }

    private void emit(LogChunk line, String text) {
        register(line.container());
        StringBuilder b = new StringBuilder();
        if (options.prefix()) {
            b.append(colour(line.container(), String.format("%-" + width + "s | ", line.container())));
        }
        if (options.timestamps()) {
            b.append(TIMESTAMP.format(line.timestamp())).append(' ');
        }
        b.append(text);
        PrintWriter target = line.stream() == LogStream.STDERR ? err : out;
        target.println(b);
        target.flush();
    }

    private String colour(String container, String text) {
        return options.color() ? new Ansi(true).apply(colorByContainer.get(container), text) : text;
    }
}
