package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** ENV/LABEL pairs and ARG declarations, quotes kept until substitution (as in Docker). */
final class PairParser {
    private PairParser() {}

    /** {@code k=v k2="v 2"}, or the legacy {@code ENV k v w} (one pair: the rest of the line is the value). */
    static List<KeyValue> pairs(InstructionParser.Raw raw, String keyword) {
        raw.noFlags();
        List<String> words = LineSplitter.quotedWords(raw.rest(), raw.escape());
        if (words.isEmpty()) {
            throw raw.fail(keyword + " requires at least one argument", "write " + keyword + " name=value");
        }
        if (!words.get(0).contains("=")) {
            return List.of(legacy(raw, keyword));
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw raw.fail(
                        "Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value",
                        "quote values holding blanks: " + keyword + " name=\"a b\"");
            }
            if (eq == 0) {
                throw raw.fail(keyword + " names can not be blank", null);
            }
            pairs.add(new KeyValue(raw.word(word.substring(0, eq)), raw.word(word.substring(eq + 1))));
        }
        return pairs;
    }

    private static KeyValue legacy(InstructionParser.Raw raw, String keyword) {
        String[] parts = raw.rest().strip().split("[\\t\\x0B\\f\\r ]+", 2);
        if (parts.length < 2) {
            throw raw.fail(keyword + " must have two arguments", "write " + keyword + " name=value");
        }
        return new KeyValue(raw.word(parts[0]), raw.word(parts[1]));
    }

    static List<ArgDecl> args(InstructionParser.Raw raw) {
        raw.noFlags();
        List<String> words = LineSplitter.quotedWords(raw.rest(), raw.escape());
        if (words.isEmpty()) {
            throw raw.fail("ARG requires at least one argument", "write ARG name or ARG name=default");
        }
        List<ArgDecl> args = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq == 0) {
                throw raw.fail("ARG names can not be blank", null);
            }
            args.add(
                    eq < 0
                            ? new ArgDecl(raw.word(word), null)
                            : new ArgDecl(raw.word(word.substring(0, eq)), raw.word(word.substring(eq + 1))));
        }
        return args;
    }
}
