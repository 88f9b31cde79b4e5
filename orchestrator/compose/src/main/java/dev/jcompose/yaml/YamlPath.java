package dev.jcompose.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a compose document, rendered the way users read it: {@code services.web.ports[0]}.
 * Keys that are not plain identifiers are quoted: {@code labels["com.example.a"]}.
 */
public final class YamlPath {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");
    public static final YamlPath ROOT = new YamlPath(List.of());

    private final List<Object> segments;

    private YamlPath(List<Object> segments) {
        this.segments = segments;
    }

    public static YamlPath of(String... keys) {
        YamlPath p = ROOT;
        for (String k : keys) {
            p = p.key(k);
        }
        return p;
    }

    public YamlPath key(String key) {
        List<Object> s = new ArrayList<>(segments);
        s.add(key);
        return new YamlPath(List.copyOf(s));
    }

    public YamlPath index(int index) {
        List<Object> s = new ArrayList<>(segments);
        s.add(index);
        return new YamlPath(List.copyOf(s));
    }

    public int depth() {
        return segments.size();
    }

    /** The last key, or {@code null} at the root or after an index. */
    public String lastKey() {
        return segments.isEmpty() || !(segments.getLast() instanceof String k) ? null : k;
    }

    public YamlPath parent() {
        return segments.isEmpty() ? this : new YamlPath(segments.subList(0, segments.size() - 1));
    }

    /** The segment at {@code i}, a String key or an Integer index. */
    public Object segment(int i) {
        return segments.get(i);
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(root)";
        }
        StringBuilder sb = new StringBuilder();
        for (Object seg : segments) {
            if (seg instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (PLAIN.matcher((String) seg).matches()) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(seg);
            } else {
                sb.append("[\"").append(((String) seg).replace("\"", "\\\"")).append("\"]");
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YamlPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
