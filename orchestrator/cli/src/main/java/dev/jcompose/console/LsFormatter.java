package dev.jcompose.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code ls} output: {@code NAME STATUS CONFIG FILES}, status like {@code running(3), exited(1)}. */
public final class LsFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LsFormatter() {}

    public static String table(List<ProjectView> projects) {
        Table table = Table.docker("NAME", "STATUS", "CONFIG FILES");
        projects.forEach(p -> table.row(p.name(), status(p), String.join(",", p.configFiles())));
        return table.render();
    }

    /** {@code -q}: names only. */
    public static String quiet(List<ProjectView> projects) {
        return projects.stream().map(p -> p.name() + "\n").collect(Collectors.joining());
    }

    /** {@code --format json}: one array, as compose prints it. */
    public static String json(List<ProjectView> projects) {
        List<Map<String, String>> rows = projects.stream()
                .map(p -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("Name", p.name());
                    m.put("Status", status(p));
                    m.put("ConfigFiles", String.join(",", p.configFiles()));
                    return m;
                })
                .toList();
        try {
            return JSON.writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** States in compose's order (docker's state names, alphabetical), e.g. {@code exited(1), running(3)}. */
    public static String status(ProjectView p) {
        return p.states().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey((a, b) -> a.text().compareTo(b.text())))
                .map(e -> e.getKey().text() + "(" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
