package dev.jcompose.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.host.Clock;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --progress json}: one JSON object per line with compose's field names ({@code id},
 * {@code parent_id}, {@code status}, {@code text}, {@code current}, {@code total}, {@code percent},
 * {@code tail}, {@code dry-run}), empty fields left out as compose does, plus {@code time} (RFC 3339, UTC).
 */
public final class JsonRenderer implements ProgressRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final Clock clock;
    private final boolean dryRun;
    private boolean finished;

    public JsonRenderer(PrintWriter out, Clock clock) {
        this(out, clock, false);
    }

    /** {@code dryRun}: every object carries {@code "dry-run":true}, as compose's do. */
    public JsonRenderer(PrintWriter out, Clock clock, boolean dryRun) {
        this.out = out;
        this.clock = clock;
        this.dryRun = dryRun;
    }

    @Override
    public synchronized void event(ProgressEvent event) {
        if (finished) {
            return;
        }
        Map<String, Object> line = start();
        line.put("id", event.id());
        putIfPresent(line, "parent_id", event.parentId());
        putIfPresent(line, "status", event.text());
        putIfPresent(line, "text", event.detail());
        if (event.current() > 0) {
            line.put("current", event.current());
        }
        if (event.total() > 0) {
            line.put("total", event.total());
            line.put("percent", event.percent());
        }
        line.put("time", clock.now().toString());
        print(line);
    }

    @Override
    public synchronized void message(String text) {
        if (finished) {
            return;
        }
        Map<String, Object> line = start();
        line.put("tail", true);
        line.put("text", text);
        line.put("time", clock.now().toString());
        print(line);
    }

    @Override
    public synchronized void finish() {
        finished = true;
        out.flush();
    }

    private Map<String, Object> start() {
        Map<String, Object> line = new LinkedHashMap<>();
        if (dryRun) {
            line.put("dry-run", true);
        }
        return line;
    }

    private static void putIfPresent(Map<String, Object> line, String key, String value) {
        if (!value.isEmpty()) {
            line.put(key, value);
        }
    }

    private void print(Map<String, Object> line) {
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
