package dev.jcompose.dockerfile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code HEALTHCHECK NONE} and {@code HEALTHCHECK [--interval ...] CMD command}. */
final class HealthcheckParser {
    private static final Duration MINIMUM = Duration.ofMillis(1);
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "µs",
            1_000L,
            "μs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);

    private HealthcheckParser() {}

    static Instruction.Healthcheck healthcheck(InstructionParser.Raw raw) {
        String rest = raw.rest();
        if (rest.isEmpty()) {
            throw raw.fail(
                    "HEALTHCHECK requires at least one argument", "write HEALTHCHECK CMD command or HEALTHCHECK NONE");
        }
        String[] typeAndCommand = rest.split("\\s+", 2);
        String type = typeAndCommand[0].toUpperCase(Locale.ROOT);
        String command = typeAndCommand.length > 1 ? typeAndCommand[1] : "";
        if (type.equals("NONE")) {
            if (!command.isEmpty() || !raw.split().flags().isEmpty()) {
                throw raw.fail("HEALTHCHECK NONE takes no arguments", "write HEALTHCHECK NONE alone");
            }
            return new Instruction.Healthcheck(raw.at(), null, null, null, null, null, null);
        }
        Flags flags = raw.flags(
                Set.of("interval", "timeout", "start-period", "start-interval", "retries"), Set.of(), Set.of());
        if (!type.equals("CMD")) {
            throw raw.fail(
                    "Unknown type \"" + typeAndCommand[0] + "\" in HEALTHCHECK (try CMD)",
                    "write HEALTHCHECK CMD command");
        }
        var commandRaw = new InstructionParser.Raw(
                raw.at(), new LineSplitter.Split("CMD", List.of(), command), raw.escape(), raw.heredocs());
        if (command.isEmpty()) {
            throw raw.fail("Missing command after HEALTHCHECK CMD", "give the command that probes the container");
        }
        return new Instruction.Healthcheck(
                raw.at(),
                InstructionParser.command(commandRaw, false),
                interval(raw, flags, "interval"),
                interval(raw, flags, "timeout"),
                interval(raw, flags, "start-period"),
                interval(raw, flags, "start-interval"),
                retries(raw, flags));
    }

    /** A Go duration; zero means "the default", as in Docker, so it is null here. */
    private static Duration interval(InstructionParser.Raw raw, Flags flags, String name) {
        String text = flags.string(name);
        if (text == null) {
            return null;
        }
        Duration d = goDuration(text);
        if (d == null) {
            throw raw.fail(
                    "invalid duration \"" + text + "\" for --" + name,
                    "write a Go duration such as 30s, 1m30s or 500ms");
        }
        if (d.isZero()) {
            return null;
        }
        if (d.compareTo(MINIMUM) < 0) {
            throw raw.fail("Interval \"" + name + "\" cannot be less than 1ms", null);
        }
        return d;
    }

    private static Integer retries(InstructionParser.Raw raw, Flags flags) {
        String text = flags.string("retries");
        if (text == null) {
            return null;
        }
        int retries;
        try {
            retries = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw raw.fail("invalid --retries \"" + text + "\"", "give a whole number of consecutive failures");
        }
        if (retries < 0) {
            throw raw.fail("--retries cannot be negative (" + retries + ")", null);
        }
        return retries;
    }

    /**
     * Go's {@code time.ParseDuration} ({@code 1h30m}, {@code 1.5s}, {@code 300ms}), which Docker reads these
     * flags with; null when {@code text} is not one. (compose's own duration type lives above the runtime.)
     */
    private static Duration goDuration(String text) {
        String s = text.startsWith("+") ? text.substring(1) : text;
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty() || s.startsWith("-")) {
            return null;
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int pos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
            pos = m.end();
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
