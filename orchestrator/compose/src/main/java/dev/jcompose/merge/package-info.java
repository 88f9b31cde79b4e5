/**
 * Merging compose documents as docker compose does (compose-spec merge.md, compose-go's override
 * rules), on located {@link dev.jcompose.yaml.MapNode} trees: {@link dev.jcompose.merge.Merger#merge}
 * lays a later {@code -f} file over the earlier ones, {@link dev.jcompose.merge.Merger#extend} a
 * service over the one it {@code extends}. Mappings merge recursively, sequences are appended and then
 * de-duplicated by their resource key (ports by {@code host_ip:published:target/protocol} whatever
 * syntax each side used, volumes by target...), scalars are replaced; {@code !reset} removes a key and
 * {@code !override} replaces instead of merging.
 *
 * <p>Only {@link dev.jcompose.merge.Merger} is public; the rules (which path merges how, the keys of
 * each sequence) are package-private data next to it. Works before normalisation, so both short and
 * long syntaxes are accepted. Used by the loader ({@code ComposeLoader}, {@code ExtendsResolver},
 * {@code ModelLoader}).
 */
package dev.jcompose.merge;
