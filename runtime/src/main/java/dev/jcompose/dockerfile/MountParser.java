package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code --mount=type=...,target=...} of RUN, with Docker's option names, aliases and defaults. */
final class MountParser {
    private static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret");
    private static final List<String> SHARING = List.of("shared", "private", "locked");
    private static final Pattern SIZE = Pattern.compile("(?i)^(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)i?b?$");

    /** The options as read, before the defaults of the type are applied. */
    private static final class Options {
        String type = "bind";
        String target;
        String source;
        String from;
        String id;
        String sharing;
        Boolean readOnly;
        Integer mode;
        Integer uid;
        Integer gid;
        boolean required;
        Long size;
    }

    private MountParser() {}

    static RunMount mount(InstructionParser.Raw raw, String spec) {
        var o = new Options();
        for (String field : fields(spec)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            option(raw, o, key, eq < 0 ? null : field.substring(eq + 1), field);
        }
        return validated(raw, o);
    }

    /** Comma-separated fields; a field in double quotes may hold commas (Docker reads it as CSV). */
    private static List<String> fields(String spec) {
        List<String> fields = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (char ch : spec.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static void option(InstructionParser.Raw raw, Options o, String key, String value, String field) {
        if (value == null) {
            flagOption(raw, o, key, field);
            return;
        }
        switch (key) {
            case "type" -> o.type = oneOf(raw, "mount type", value.toLowerCase(Locale.ROOT), TYPES);
            case "from" -> {
                CopyParser.refuseVariable(raw, value);
                o.from = value;
            }
            case "source", "src" -> o.source = raw.word(value);
            case "target", "dst", "destination" -> o.target = raw.word(value);
            case "readonly", "ro" -> o.readOnly = bool(raw, key, value);
            case "readwrite", "rw" -> o.readOnly = !bool(raw, key, value);
            case "required" -> o.required = bool(raw, key, value);
            case "id" -> o.id = raw.word(value);
            case "sharing" -> o.sharing = oneOf(raw, "sharing value", value.toLowerCase(Locale.ROOT), SHARING);
            case "mode" -> o.mode = number(raw, key, value, 8);
            case "uid" -> o.uid = number(raw, key, value, 10);
            case "gid" -> o.gid = number(raw, key, value, 10);
            case "size" -> o.size = size(raw, value);
            default ->
                throw raw.fail(
                        "unexpected key '" + key + "' in '" + field + "'",
                        "mount options are type, from, source, target, readonly, id, sharing, required, size, mode, uid, gid");
        }
    }

    private static void flagOption(InstructionParser.Raw raw, Options o, String key, String field) {
        switch (key) {
            case "readonly", "ro" -> o.readOnly = true;
            case "readwrite", "rw" -> o.readOnly = false;
            case "required" -> o.required = true;
            default ->
                throw raw.fail(
                        "invalid field '" + field + "' must be a key=value pair",
                        "write --mount=type=cache,target=/path");
        }
    }

    /** Applies the type's rules and defaults: read-only unless cache/tmpfs, what each type accepts. */
    private static RunMount validated(InstructionParser.Raw raw, Options o) {
        boolean fileInfo = o.type.equals("secret") || o.type.equals("cache");
        if (!fileInfo && (o.mode != null || o.uid != null || o.gid != null)) {
            String key = o.mode != null ? "mode" : o.uid != null ? "uid" : "gid";
            throw raw.fail(
                    key + " not allowed for \"" + o.type + "\" type mounts",
                    "only cache and secret mounts take mode, uid and gid");
        }
        if (o.required && !o.type.equals("secret")) {
            throw raw.fail(
                    "unexpected key 'required' for mount type '" + o.type + "'", "only secret mounts take required");
        }
        if (o.size != null && !o.type.equals("tmpfs")) {
            throw raw.fail("unexpected key 'size' for mount type '" + o.type + "'", "only tmpfs mounts take size");
        }
        if (o.sharing != null && !o.type.equals("cache")) {
            throw raw.fail("invalid cache sharing set for " + o.type + " mount", "only cache mounts take sharing");
        }
        if (o.type.equals("secret")) {
            return secret(raw, o);
        }
        if (o.target == null || o.target.isEmpty()) {
            throw raw.fail("mount target is required", "add target=/path to the --mount");
        }
        boolean readOnly = o.readOnly != null ? o.readOnly : o.type.equals("bind");
        return new RunMount(
                o.type, o.target, o.source, o.from, o.id, o.sharing, readOnly, o.mode, o.uid, o.gid, false, o.size);
    }

    private static RunMount secret(InstructionParser.Raw raw, Options o) {
        if (o.from != null) {
            throw raw.fail("secret mount should not have a from", "secrets come from the build's secrets");
        }
        if (o.source == null && o.target == null && o.id == null) {
            throw raw.fail("invalid secret mount. one of source, target required", "write --mount=type=secret,id=NAME");
        }
        if (o.source != null && o.id != null) {
            throw raw.fail("both source and id can't be set", "name the secret with id= only");
        }
        // Docker reads a secret's source as its id
        String id = o.id != null ? o.id : o.source;
        boolean readOnly = o.readOnly == null || o.readOnly;
        return new RunMount("secret", o.target, null, null, id, null, readOnly, o.mode, o.uid, o.gid, o.required, null);
    }

    private static String oneOf(InstructionParser.Raw raw, String what, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            String hint = what.equals("mount type") && value.equals("ssh")
                    ? "jcompose builds have no SSH agent; pass what the step needs as a secret mount"
                    : "use one of " + String.join(", ", allowed);
            throw raw.fail("unsupported " + what + " \"" + value + "\"", hint);
        }
        return value;
    }

    private static boolean bool(InstructionParser.Raw raw, String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "t" -> true;
            case "false", "0", "f" -> false;
            default ->
                throw raw.fail(
                        "invalid value for " + key + ": " + value, "write " + key + "=true or " + key + "=false");
        };
    }

    private static Integer number(InstructionParser.Raw raw, String key, String value, int radix) {
        try {
            long n = Long.parseLong(value, radix);
            if (n < 0 || n > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw raw.fail(
                    "invalid value " + value + " for " + key,
                    radix == 8 ? "write the mode in octal, e.g. mode=0755" : "write a number, e.g. " + key + "=1000");
        }
    }

    /** Docker's RAM sizes: bytes or a binary multiple ({@code 64m} = 64 MiB). */
    private static Long size(InstructionParser.Raw raw, String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw raw.fail("invalid value for size: " + value, "write a size such as 64m or 1g");
        }
        int shift = 10 * "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 10;
        double bytes = Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : (double) (1L << shift));
        return (long) bytes;
    }
}
