package dev.jcompose.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Go's {@code time.Duration} text form ({@code "1m30s"}, {@code "500ms"}, {@code "0s"}),
 * which is how compose-go writes them in its JSON and YAML output.
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d|w)");
    private static final long NS_PER_US = 1_000L;
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;

    private GoDuration() {
    }

    /** Formats like Go's {@code Duration.String()}. */
    public static String format(Duration d) {
        long ns = d.toNanos();
        if (ns == 0) {
            return "0s";
        }
        String sign = ns < 0 ? "-" : "";
        long abs = Math.abs(ns);
        if (abs < NS_PER_US) {
            return sign + abs + "ns";
        }
        if (abs < NS_PER_MS) {
            return sign + fraction(abs, NS_PER_US) + "µs";
        }
        if (abs < NS_PER_S) {
            return sign + fraction(abs, NS_PER_MS) + "ms";
        }
        long hours = abs / (3600 * NS_PER_S);
        long rest = abs % (3600 * NS_PER_S);
        long minutes = rest / (60 * NS_PER_S);
        String seconds = fraction(rest % (60 * NS_PER_S), NS_PER_S) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? sign + minutes + "m" + seconds : sign + seconds;
    }

    private static String fraction(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }

    /**
     * Parses Go duration text; also accepts compose's {@code d} and {@code w} units.
     *
     * @throws IllegalArgumentException on malformed text
     */
    public static Duration parse(String text) {
        String s = text.trim();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\"");
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            pos = m.end();
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        long nanos = total.longValue();
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> NS_PER_US;
            case "ms" -> NS_PER_MS;
            case "s" -> NS_PER_S;
            case "m" -> 60 * NS_PER_S;
            case "h" -> 3600 * NS_PER_S;
            case "d" -> 24 * 3600 * NS_PER_S;
            default -> 7 * 24 * 3600 * NS_PER_S;
        };
    }

    /** Writes a {@link Duration} as Go duration text. */
    public static final class Serializer extends StdScalarSerializer<Duration> {
        public Serializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads Go duration text into a {@link Duration}. */
    public static final class Deserializer extends StdScalarDeserializer<Duration> {
        public Deserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(), e.getMessage());
            }
        }
    }
}
