package dev.jcompose.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Durations as compose-go reads them (Go's {@code time.ParseDuration} grammar plus the {@code d}
 * and {@code w} units) and writes them ({@code time.Duration.String()}: {@code 1m30s},
 * {@code 1h0m0s}, {@code 500ms}, {@code 1.5s}).
 */
public final class GoDuration {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final Map<String, Long> UNITS = Map.of(
            "ns",
            1L,
            "us",
            MICRO,
            "\u00b5s",
            MICRO,
            "\u03bcs",
            MICRO,
            "ms",
            MILLI,
            "s",
            SECOND,
            "m",
            60 * SECOND,
            "h",
            3600 * SECOND,
            "d",
            86400 * SECOND,
            "w",
            7 * 86400 * SECOND);

    private GoDuration() {}

    /** Nanoseconds of {@code text}; throws IllegalArgumentException whose message is the problem. */
    public static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\": missing unit");
            }
            Long factor = UNITS.get(unit);
            if (factor == null) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\": unknown unit \"" + unit + "\"");
            }
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(factor)));
        }
        BigDecimal nanos = total.setScale(0, RoundingMode.DOWN);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": too large");
        }
        return negative ? -nanos.longValueExact() : nanos.longValueExact();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }

    /** Go's {@code time.Duration.String()}. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < SECOND) {
            if (u < MICRO) {
                return sign + u + "ns";
            }
            if (u < MILLI) {
                return sign + fraction(u, MICRO) + "\u00b5s";
            }
            return sign + fraction(u, MILLI) + "ms";
        }
        StringBuilder out = new StringBuilder();
        long seconds = u / SECOND;
        out.append(fraction(u % (60 * SECOND), SECOND)).append('s');
        long minutes = seconds / 60;
        if (minutes > 0) {
            out.insert(0, (minutes % 60) + "m");
            long hours = minutes / 60;
            if (hours > 0) {
                out.insert(0, hours + "h");
            }
        }
        return sign + out;
    }

    /** {@code value / unit} with the remainder as a decimal fraction, trailing zeros dropped. */
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long rest = value % unit;
        if (rest == 0) {
            return Long.toString(whole);
        }
        int digits = Long.toString(unit).length() - 1;
        String frac = String.format("%0" + digits + "d", rest).replaceAll("0+$", "");
        return whole + "." + frac;
    }

    /** {@link #parseNanos} as a {@link java.time.Duration}. */
    public static java.time.Duration parse(String text) {
        return java.time.Duration.ofNanos(parseNanos(text));
    }

    /** {@link #format(long)} of a {@link java.time.Duration}. */
    public static String format(java.time.Duration duration) {
        return format(duration.toNanos());
    }
}
