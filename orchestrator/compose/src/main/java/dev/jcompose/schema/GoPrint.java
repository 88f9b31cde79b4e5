package dev.jcompose.schema;

import dev.jcompose.yaml.ScalarNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Scalars as compose-go turns them into strings for environment, label and option values: Go's
 * {@code fmt.Sprint} of the decoded YAML value. So {@code 1.0} becomes {@code 1}, {@code 1e8}
 * becomes {@code 1e+08}, {@code 0x1F} becomes {@code 31}, {@code True} becomes {@code true}.
 */
public final class GoPrint {
    private GoPrint() {}

    public static String sprint(ScalarNode s) {
        return switch (s.kind()) {
            case BOOL -> s.text().toLowerCase(Locale.ROOT);
            case INT -> integer(s.text());
            case FLOAT -> floating(s.text());
            default -> s.text();
        };
    }

    private static String integer(String text) {
        String t = text.trim();
        boolean radix = t.matches("[-+]?0[xXoO].*") || t.startsWith("+");
        Long v = radix ? Expect.parseInteger(t.replaceFirst("^-", "")) : null;
        if (v == null) {
            return text;
        }
        return (t.startsWith("-") ? -v : v) + "";
    }

    /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 and from 1e6 on. */
    static String floating(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? "-Inf" : "+Inf";
        }
        if (t.endsWith(".nan")) {
            return "NaN";
        }
        double d = Double.parseDouble(t);
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        int exp = digits.length() - b.scale() - 1;
        String sign = d < 0 ? "-" : "";
        // strconv's shortest %g switches to the exponent form when exp < -4 or exp >= 6.
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%02d", Math.abs(exp));
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
        }
        return sign + b.toPlainString();
    }
}
