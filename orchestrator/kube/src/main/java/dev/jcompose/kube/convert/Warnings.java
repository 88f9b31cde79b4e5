package dev.jcompose.kube.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversion's warnings, one line per service and key in the order they arose; several details
 * of one key are joined with {@code "; "}, each once.
 */
final class Warnings {
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final Map<String, Set<String>> details = new LinkedHashMap<>();

    /** {@code service "web": ulimits ...}; {@code service} null for a project-level key. */
    void add(String service, String key, String detail) {
        String id = (service == null ? "" : service) + "\u0000" + key;
        prefixes.putIfAbsent(id, service == null ? key : "service \"" + service + "\": " + key);
        details.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(detail);
    }

    List<String> list() {
        List<String> out = new ArrayList<>();
        prefixes.forEach((id, prefix) -> out.add(prefix + " " + String.join("; ", details.get(id))));
        return List.copyOf(out);
    }
}
