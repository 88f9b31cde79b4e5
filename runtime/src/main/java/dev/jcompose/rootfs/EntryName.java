package dev.jcompose.rootfs;

import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry name checked and split into components, with containerd's and docker's semantics: the
 * name is cleaned lexically, an absolute name is rooted at the snapshot ({@code /etc/passwd} is
 * {@code etc/passwd}, {@code /..} stays at the root, as {@code filepath.Clean} has it), {@code .} and
 * empty components are dropped and {@code a/../b} is {@code b}. A relative name whose {@code ..} climbs
 * above the root is refused (docker's "is outside of" breakout error), as are over-long names and NUL.
 * An empty list names the root ({@code /}, {@code .}, {@code ./}).
 */
record EntryName(String raw, List<String> components) {
    static final int MAX_COMPONENT = 255;
    static final int MAX_PATH = 4096;

    static EntryName parse(String raw) {
        if (raw.indexOf('\0') >= 0 || raw.length() > MAX_PATH) {
            throw new LayerUnpackException("layer entry '" + abbreviate(raw) + "' has an invalid name (" + raw.length()
                    + " characters, at most " + MAX_PATH + ")");
        }
        boolean rooted = raw.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String c : raw.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                } else if (!rooted) {
                    throw new LayerUnpackException("layer entry '" + raw + "' climbs out with '..'");
                }
                continue;
            }
            if (c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_COMPONENT) {
                throw new LayerUnpackException("layer entry '" + abbreviate(raw) + "' has a name component longer than "
                        + MAX_COMPONENT + " bytes");
            }
            parts.add(c);
        }
        return new EntryName(raw, List.copyOf(parts));
    }

    boolean isRoot() {
        return components.isEmpty();
    }

    String last() {
        return components.get(components.size() - 1);
    }

    List<String> parent() {
        return components.subList(0, components.size() - 1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
