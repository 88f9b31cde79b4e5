package dev.jcompose.quantity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as compose-go reads them (docker/go-units {@code RAMInBytes}): binary units, so
 * {@code 1k} is 1024 and {@code 1.5gb} is 1610612736; a unit may be followed by {@code i} and/or
 * {@code b}, case-insensitively.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private ByteSize() {}

    /** Bytes of {@code text}; throws IllegalArgumentException whose message is the problem. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw invalid(text);
        }
        double size;
        try {
            size = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        long unit = 1;
        if (m.group(2) != null) {
            unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1L << 10;
                case "m" -> 1L << 20;
                case "g" -> 1L << 30;
                case "t" -> 1L << 40;
                default -> 1L << 50;
            };
        }
        double bytes = size * unit;
        if (bytes >= 0x1p63) {
            throw invalid(text);
        }
        return (long) bytes;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid size: '" + text + "'");
    }
}
