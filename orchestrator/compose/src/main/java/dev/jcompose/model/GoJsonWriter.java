package dev.jcompose.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.yaml.JsonString;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree byte for byte as Go's {@code encoding/json} does: {@code MarshalIndent(v, "", "  ")}
 * for the pretty form, {@code Marshal} for the compact one. That means {@code "key": value} with one
 * space, {@code []}/{@code {}} for empty containers, HTML-sensitive characters escaped as
 * {@code \u003c}, and floats in Go's shortest form ({@code 2}, not {@code 2.0}).
 */
public final class GoJsonWriter {
    private GoJsonWriter() {}

    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 0, true);
        return sb.toString();
    }

    public static String compact(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 0, false);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb, int depth, boolean pretty) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, sb, depth, pretty);
            case ARRAY -> writeArray(node, sb, depth, pretty);
            case STRING -> JsonString.quote(node.textValue(), true, sb);
            case NUMBER -> sb.append(number(node));
            case BOOLEAN -> sb.append(node.booleanValue());
            case NULL, MISSING -> sb.append("null");
            default -> throw new IllegalArgumentException("cannot write JSON node of type " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder sb, int depth, boolean pretty) {
        if (node.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        boolean first = true;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, depth + 1, pretty);
            JsonString.quote(e.getKey(), true, sb);
            sb.append(pretty ? ": " : ":");
            write(e.getValue(), sb, depth + 1, pretty);
        }
        newline(sb, depth, pretty);
        sb.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder sb, int depth, boolean pretty) {
        if (node.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            newline(sb, depth + 1, pretty);
            write(node.get(i), sb, depth + 1, pretty);
        }
        newline(sb, depth, pretty);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int depth, boolean pretty) {
        if (pretty) {
            sb.append('\n').append("  ".repeat(depth));
        }
    }

    /** Go's float formatting: shortest digits, plain notation unless the exponent is below -6 or above 20. */
    static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        String shortest = node.isFloat() ? Float.toString(node.floatValue()) : Double.toString(node.doubleValue());
        BigDecimal d = new BigDecimal(shortest).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -6 || exponent >= 21) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = d.signum() < 0 ? "-" : "";
            String exp = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
            return sign + mantissa + "e" + exp;
        }
        return d.toPlainString();
    }
}
