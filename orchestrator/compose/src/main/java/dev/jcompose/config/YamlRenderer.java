package dev.jcompose.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Renders a JSON tree as YAML the way compose's go-yaml encoder does (indent 2, sequences indented
 * under their key, no line folding). Scalar styles are chosen here, not by a representer, to match
 * go-yaml: strings that would read back as another type are double-quoted, multi-line strings use
 * literal blocks, floats use Go's {@code %g} shortest form.
 */
final class YamlRenderer {
    private static final Pattern OLD_BOOL =
            Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE");
    private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");
    private static final Pattern INT = Pattern.compile("[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");
    private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

    private YamlRenderer() {}

    static String render(JsonNode tree) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .setUseUnicodeEncoding(true)
                .build();
        StringWriterStream out = new StringWriterStream();
        new Dump(settings).dumpNode(node(tree), out);
        return out.toString();
    }

    static Node node(JsonNode json) {
        return switch (json.getNodeType()) {
            case OBJECT -> mapping(json);
            case ARRAY -> {
                List<Node> items = new ArrayList<>();
                json.forEach(i -> items.add(node(i)));
                yield new SequenceNode(Tag.SEQ, items, json.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
            }
            case STRING -> string(json.textValue());
            case NUMBER ->
                new ScalarNode(json.isIntegralNumber() ? Tag.INT : Tag.FLOAT, number(json), ScalarStyle.PLAIN);
            case BOOLEAN -> new ScalarNode(Tag.BOOL, Boolean.toString(json.booleanValue()), ScalarStyle.PLAIN);
            default -> new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
        };
    }

    private static Node mapping(JsonNode json) {
        List<NodeTuple> tuples = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            tuples.add(new NodeTuple(string(e.getKey()), node(e.getValue())));
        }
        return new MappingNode(Tag.MAP, tuples, json.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }

    static ScalarNode string(String s) {
        ScalarStyle style;
        if (s.contains("\n")) {
            style = ScalarStyle.LITERAL;
        } else if (readsAsOtherType(s)) {
            style = ScalarStyle.DOUBLE_QUOTED;
        } else {
            style = ScalarStyle.PLAIN;
        }
        return new ScalarNode(Tag.STR, s, style);
    }

    static boolean readsAsOtherType(String s) {
        return NULL.matcher(s).matches()
                || OLD_BOOL.matcher(s).matches()
                || INT.matcher(s).matches()
                || FLOAT.matcher(s).matches()
                || TIMESTAMP.matcher(s).matches()
                || BASE60.matcher(s).matches();
    }

    /** Integers as written; floats like Go's {@code strconv.FormatFloat(f, 'g', -1, bits)}. */
    static String number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().toString();
        }
        String shortest = n.isFloat() ? Float.toString(n.floatValue()) : Double.toString(n.doubleValue());
        BigDecimal d = new BigDecimal(shortest).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }

    private static final class StringWriterStream extends StringWriter implements StreamDataWriter {
        @Override
        public void write(String str) {
            super.write(str);
        }

        @Override
        public void write(String str, int off, int len) {
            super.write(str, off, len);
        }

        @Override
        public void flush() {
            // nothing buffered beyond the StringWriter itself
        }
    }
}
