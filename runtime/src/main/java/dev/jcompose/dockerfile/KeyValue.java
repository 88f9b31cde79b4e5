package dev.jcompose.dockerfile;

import java.util.List;
import java.util.function.Function;

/**
 * One {@code key=value} of ENV or LABEL. As parsed, key and value are as written (quotes and escapes
 * kept, in backslash-escape form) because removing quotes is part of Docker's substitution ({@code 'a $b'}
 * stays literal); once {@link Instruction#expanded expanded}, quotes are removed and variables substituted.
 */
public record KeyValue(String key, String value) {
    /** Each pair substituted with the same variables (those from before the instruction). */
    static List<KeyValue> expanded(List<KeyValue> pairs, Function<String, String> variables, SourceLine at) {
        return pairs.stream()
                .map(p -> new KeyValue(Words.expand(p.key(), variables, at), Words.expand(p.value(), variables, at)))
                .toList();
    }
}
