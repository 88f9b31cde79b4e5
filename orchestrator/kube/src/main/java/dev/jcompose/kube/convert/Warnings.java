package dev.jcompose.kube.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conversion's warnings, one per service and key (the first detail wins), in the order they arose. */
final class Warnings {
    private final Map<String, String> byKey = new LinkedHashMap<>();

    /** {@code service "web": ulimits ...}; {@code service} null for a project-level key. */
    void add(String service, String key, String detail) {
        String id = (service == null ? "" : service) + "\u0000" + key;
        String text = service == null ? key + " " + detail : "service \"" + service + "\": " + key + " " + detail;
        byKey.putIfAbsent(id, text);
    }

    List<String> list() {
        return List.copyOf(new ArrayList<>(byKey.values()));
    }
}
