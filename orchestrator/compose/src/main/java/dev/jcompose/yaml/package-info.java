/**
 * The located YAML tree every stage of the compose loader works on: {@link dev.jcompose.yaml.YamlReader}
 * reads YAML 1.2 (snakeyaml-engine parses; this package adds merge keys, the compose tags {@code !reset}
 * and {@code !override}, and rejects duplicate keys, unknown tags and recursive aliases) into immutable
 * {@link dev.jcompose.yaml.Node}s ({@link dev.jcompose.yaml.MapNode}, {@link dev.jcompose.yaml.SeqNode},
 * {@link dev.jcompose.yaml.ScalarNode}), each carrying the {@link dev.jcompose.yaml.Location} it was
 * written at.
 *
 * <p>Why located nodes: interpolation, merge, extends and normalisation are functions from tree to tree,
 * so an error found late can still be a {@link dev.jcompose.yaml.ComposeFileException} reading {@code
 * file:line:col: path: problem} with the path as users read it ({@link dev.jcompose.yaml.YamlPath}:
 * {@code services.web.ports[0]}). {@link dev.jcompose.yaml.TreeJson} turns a tree into a Jackson tree
 * typed by {@link dev.jcompose.yaml.ScalarKind}; {@link dev.jcompose.yaml.TreeText} renders one line for
 * golden tests. Depends only on the exception root in {@code host}; used by the rest of the compose
 * module.
 */
package dev.jcompose.yaml;
