package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An instruction's {@code --name=value} flags, checked like BuildKit's: only the flags the instruction
 * declares, each once unless it may repeat, booleans given bare or as {@code =true|false}.
 */
final class Flags {
    private final SourceLine at;
    private final Map<String, List<String>> values = new HashMap<>();

    private Flags(SourceLine at) {
        this.at = at;
    }

    /**
     * Parses {@code words} (each starting with {@code --}) against the allowed flags: {@code strings}
     * take a value, {@code repeated} take a value and may repeat, {@code booleans} need none.
     */
    static Flags parse(
            SourceLine at, List<String> words, Set<String> strings, Set<String> repeated, Set<String> booleans) {
        var flags = new Flags(at);
        for (String word : words) {
            flags.add(word, strings, repeated, booleans);
        }
        return flags;
    }

    private void add(String word, Set<String> strings, Set<String> repeated, Set<String> booleans) {
        if (!word.startsWith("--")) {
            throw fail("arg should start with -- : " + word, null);
        }
        int eq = word.indexOf('=');
        String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
        String value = eq < 0 ? null : word.substring(eq + 1);
        if (!strings.contains(name) && !repeated.contains(name) && !booleans.contains(name)) {
            List<String> known = new ArrayList<>(strings);
            known.addAll(repeated);
            known.addAll(booleans);
            known.sort(null);
            throw fail(
                    "unknown flag: --" + name,
                    known.isEmpty() ? "it takes no flags" : "its flags are --" + String.join(", --", known));
        }
        if (values.containsKey(name) && !repeated.contains(name)) {
            throw fail("duplicate flag specified: --" + name, "give --" + name + " once");
        }
        if (value == null ? !booleans.contains(name) : value.isEmpty() && booleans.contains(name)) {
            throw fail("missing a value on flag: --" + name, "write --" + name + "=VALUE");
        }
        if (booleans.contains(name)) {
            value = booleanValue(name, value);
        }
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private String booleanValue(String name, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return "true";
        }
        if (value.equalsIgnoreCase("false")) {
            return "false";
        }
        throw fail(
                "expecting boolean value for flag --" + name + ", not: " + value,
                "write --" + name + " or --" + name + "=false");
    }

    /** A string flag's value, or null when not given or given empty ({@code --from=} is no --from, as in Docker). */
    String string(String name) {
        List<String> v = values.get(name);
        return v == null || v.get(0).isEmpty() ? null : v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean bool(String name) {
        return "true".equals(string(name));
    }

    boolean given(String name) {
        return values.containsKey(name);
    }

    private DockerfileException fail(String problem, String hint) {
        return new DockerfileException(at, problem, hint);
    }
}
