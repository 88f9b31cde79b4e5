package dev.jcompose.yaml;

/**
 * An immutable YAML node that remembers where it was written. The loader's stages (interpolation,
 * merge, extends, normalisation) are functions from trees to trees, so every error can still name
 * the file, line and column of the value at fault.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
    Location location();

    Tag tag();

    /** The same node with another tag. */
    Node withTag(Tag tag);

    /** A short word for error messages: "a mapping", "a sequence", "a string", "a number"... */
    String kindName();
}
