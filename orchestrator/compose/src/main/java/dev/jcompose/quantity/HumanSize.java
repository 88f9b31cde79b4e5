package dev.jcompose.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Byte counts as docker prints them (docker/go-units {@code HumanSize}): decimal units
 * (1kB = 1000 B) and Go's {@code %.Ng} number formatting, e.g. {@code 12.35MB}, {@code 999B},
 * {@code 1.5GB}. Precision 4 is {@code HumanSize}; {@code ps}/{@code images} sizes use 3.
 */
public final class HumanSize {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private HumanSize() {}

    public static String format(double bytes) {
        return format(bytes, 4);
    }

    public static String format(double bytes, int precision) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        return goG(size, precision) + UNITS[unit];
    }

    /** Go's {@code strconv.FormatFloat(v, 'g', precision, 64)} for non-negative finite values. */
    static String goG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value)
                .round(new MathContext(precision, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        int digits = rounded.precision();
        int pointPos = digits - rounded.scale();
        int eprec = precision > digits && digits >= pointPos ? digits : precision;
        int exp = pointPos - 1;
        if (exp < -4 || exp >= eprec) {
            String unscaled = rounded.unscaledValue().toString();
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return rounded.toPlainString();
    }
}
