package dev.jcompose.build;

import dev.jcompose.content.Digest;
import dev.jcompose.dockerfile.Instruction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Cache keys: a chain of sha256 digests, each over the key before it (the base image or stage, then
 * every earlier step) and what the step reads. An instruction counts by its substituted value, not by
 * where it is written, so moving a line or adding a comment keeps the cache.
 */
final class StepKey {
    private StepKey() {}

    static String base(String what) {
        return hash("base\n" + what);
    }

    /** The key of {@code step} (already substituted) after {@code parent}, with the ARGs in scope and any extra input. */
    static String of(String parent, Instruction step, Map<String, String> args, String extra) {
        StringBuilder sb = new StringBuilder(parent).append('\n').append(withoutPlace(step));
        args.forEach(
                (k, v) -> sb.append('\n').append("arg ").append(k).append('=').append(v));
        if (extra != null && !extra.isEmpty()) {
            sb.append('\n').append(extra);
        }
        return hash(sb.toString());
    }

    /** The record's text with its source line (file, line number, text as written) replaced by its keyword. */
    private static String withoutPlace(Instruction step) {
        String text = step.toString();
        String at = "at=" + step.at();
        int i = text.indexOf(at);
        return i < 0 ? text : text.substring(0, i) + "at=" + step.at().keyword() + text.substring(i + at.length());
    }

    private static String hash(String text) {
        return Digest.sha256(text.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
