package dev.jcompose.kube.convert;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compose names made valid Kubernetes names. Kubernetes wants DNS-1035 labels for Services (lower
 * case letters, digits and '-', a letter first, at most 63 characters) and the other objects accept
 * them too, so every name is made one. A name that changes is reported once, so the user knows that
 * {@code http://My_Api} will not resolve as {@code my-api}; two names that end up equal get
 * {@code -2}, {@code -3}... in sorted order.
 */
final class ObjectNames {
    static final int MAX = 63;

    private final Map<String, String> names = new TreeMap<>();

    private ObjectNames() {}

    /** Valid names for {@code composeNames} (sorted), each rename reported as {@code what "x"}. */
    static ObjectNames of(String what, Collection<String> composeNames, Warnings warnings) {
        ObjectNames out = new ObjectNames();
        Set<String> taken = new HashSet<>();
        for (String n : new java.util.TreeSet<>(composeNames)) {
            String valid = label(n);
            String unique = valid;
            for (int i = 2; !taken.add(unique); i++) {
                String suffix = "-" + i;
                unique = trim(valid.substring(0, Math.min(valid.length(), MAX - suffix.length()))) + suffix;
            }
            if (!unique.equals(n)) {
                String why =
                        valid.equals(n) ? "has the same Kubernetes name as another" : "is not a valid Kubernetes name";
                warnings.add(null, what + " \"" + n + "\"", why + ": renamed to \"" + unique + "\"");
            }
            out.names.put(n, unique);
        }
        return out;
    }

    String get(String composeName) {
        String n = names.get(composeName);
        if (n == null) {
            throw new IllegalArgumentException("no name for " + composeName);
        }
        return n;
    }

    /** {@code name} as a DNS-1035 label: lower case, invalid runs to '-', a letter first, at most 63. */
    static String label(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        s = trim(s);
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "x-" + s;
        }
        return trim(s.length() > MAX ? s.substring(0, MAX) : s);
    }

    /** {@code base-suffix} cut to fit 63 characters by shortening the base. */
    static String derived(String base, String suffix) {
        String tail = "-" + suffix;
        return trim(base.substring(0, Math.min(base.length(), MAX - tail.length()))) + tail;
    }

    private static String trim(String s) {
        return s.replaceAll("^-+", "").replaceAll("-+$", "");
    }
}
