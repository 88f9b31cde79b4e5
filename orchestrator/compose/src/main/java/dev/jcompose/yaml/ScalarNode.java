package dev.jcompose.yaml;

import java.util.Objects;

/** A scalar: its source text, the type YAML 1.2's core schema resolved, and where it was written. */
public record ScalarNode(String text, ScalarKind kind, Location location, Tag tag) implements Node {
    public ScalarNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tag, "tag");
        if (kind == ScalarKind.NULL) {
            text = null;
        } else {
            Objects.requireNonNull(text, "text");
        }
    }

    public static ScalarNode string(String text, Location location) {
        return new ScalarNode(text, ScalarKind.STRING, location, Tag.NONE);
    }

    public static ScalarNode nullAt(Location location) {
        return new ScalarNode(null, ScalarKind.NULL, location, Tag.NONE);
    }

    public boolean isNull() {
        return kind == ScalarKind.NULL;
    }

    /** The same scalar with a new text, re-typed as a string (the result of interpolation). */
    public ScalarNode withText(String newText) {
        return new ScalarNode(newText, ScalarKind.STRING, location, tag);
    }

    @Override
    public ScalarNode withTag(Tag newTag) {
        return new ScalarNode(text, kind, location, newTag);
    }

    @Override
    public String kindName() {
        return switch (kind) {
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "null";
        };
    }
}
