package dev.jcompose.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML 1.2 text into {@link Node} trees that remember their locations.
 *
 * <p>snakeyaml-engine does the parsing and resolves anchors and aliases; this class adds what it
 * leaves to the application: merge keys ({@code <<}, explicit keys win, earlier sources win), the
 * compose tags {@code !reset} and {@code !override}, and rejection of duplicate keys, unknown tags,
 * recursive aliases and non-scalar keys.
 */
public final class YamlReader {
    private static final String MERGE_KEY = "<<";
    // Alias expansion is bounded to defuse "billion laughs" documents.
    private static final int MAX_ALIASES = 200;
    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final int MIN_BUFFER = 1024;
    // Aliases share nodes in the parser but are expanded here, so the expanded size is bounded too.
    private static final int MAX_EXPANDED_NODES = 500_000;

    private final ScalarResolver resolver = new CoreSchema().getScalarResolver();

    /** Reads every document of {@code text}; {@code file} names it in locations and errors. */
    public List<Node> readAll(String text, String file) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both locations
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                // The reader copies its whole look-ahead window at every refill, which is quadratic
                // in the length of a scalar; one buffer holding the whole text keeps it linear.
                .setBufferSize(Math.max(MIN_BUFFER, Math.min(text.length(), MAX_CODE_POINTS) + 1))
                .setSchema(new CoreSchema())
                .build();
        List<Node> docs = new ArrayList<>();
        try {
            var parser = new NestingLimit(
                    new ParserImpl(settings, new StreamReader(settings, new StringReader(text))), file);
            for (Iterator<org.snakeyaml.engine.v2.nodes.Node> it = new Composer(settings, parser); it.hasNext(); ) {
                docs.add(new Converter(file).convert(it.next(), YamlPath.ROOT));
            }
        } catch (MarkedYamlEngineException e) {
            Location where = e.getProblemMark().map(m -> location(file, m)).orElse(Location.of(file));
            throw new ComposeFileException(
                    where,
                    null,
                    "invalid YAML: " + oneLine(e.getProblem()),
                    "check the indentation and quoting around this line");
        } catch (ReaderException e) {
            throw new ComposeFileException(
                    at(text, file, e.getPosition()),
                    null,
                    String.format("invalid YAML: character U+%04X is not allowed in a YAML file", e.getCodePoint()),
                    "remove it, or write it as an escape (\\uXXXX) in a double-quoted string");
        } catch (YamlEngineException e) {
            throw new ComposeFileException(
                    Location.of(file),
                    null,
                    "invalid YAML: " + oneLine(e.getMessage()),
                    "check the file is valid YAML 1.2");
        }
        return docs;
    }

    private static String oneLine(String s) {
        return s == null ? "parse error" : s.replaceAll("\\s+", " ").trim();
    }

    /** The line and column of the code point at {@code position} (the reader counts code points). */
    private static Location at(String text, String file, int position) {
        int end = text.offsetByCodePoints(0, Math.min(position, text.codePointCount(0, text.length())));
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return new Location(file, line, text.codePointCount(lineStart, end) + 1);
    }

    static Location location(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** One conversion pass; tracks nodes on the current path to reject recursive aliases. */
    private final class Converter {
        private final String file;
        private final Set<org.snakeyaml.engine.v2.nodes.Node> inProgress =
                Collections.newSetFromMap(new IdentityHashMap<>());
        private int expanded;

        Converter(String file) {
            this.file = file;
        }

        Location loc(org.snakeyaml.engine.v2.nodes.Node n) {
            return n.getStartMark().map(m -> location(file, m)).orElse(Location.of(file));
        }

        Node convert(org.snakeyaml.engine.v2.nodes.Node n, YamlPath path) {
            if (++expanded > MAX_EXPANDED_NODES) {
                throw new ComposeFileException(
                        loc(n),
                        path,
                        "the document expands to more than " + MAX_EXPANDED_NODES + " nodes through aliases",
                        "reduce the nesting of aliases (*name); this looks like an alias bomb");
            }
            if (inProgress.size() > NestingLimit.MAX_DEPTH) {
                // Aliases can stack a deep anchor inside deep nesting: bound the expanded depth too.
                throw new ComposeFileException(
                        loc(n),
                        path,
                        "the document nests deeper than " + NestingLimit.MAX_DEPTH + " levels through aliases",
                        "flatten the structure: compose files need only a few levels");
            }
            if (!inProgress.add(n)) {
                throw new ComposeFileException(
                        loc(n),
                        path,
                        "recursive alias: this node contains itself",
                        "an alias (*name) must not refer to one of its own parents");
            }
            try {
                Tag tag = tagOf(n, path);
                return switch (n) {
                    case MappingNode m -> mapping(m, path, tag);
                    case SequenceNode s -> sequence(s, path, tag);
                    case org.snakeyaml.engine.v2.nodes.ScalarNode s -> scalar(s, tag);
                    default -> throw new ComposeFileException(loc(n), path, "unsupported YAML node", null);
                };
            } finally {
                inProgress.remove(n);
            }
        }

        Tag tagOf(org.snakeyaml.engine.v2.nodes.Node n, YamlPath path) {
            String t = n.getTag().getValue();
            return switch (t) {
                case "!reset" -> Tag.RESET;
                case "!override" -> Tag.OVERRIDE;
                default -> {
                    // snakeyaml-engine's core schema resolves plain ${VAR} scalars to its own
                    // !ENV_VARIABLE tag; for compose they are ordinary strings to interpolate.
                    boolean envVariable = t.equals(org.snakeyaml.engine.v2.nodes.Tag.ENV_TAG.getValue());
                    if (t.startsWith("!") && !t.startsWith("!!") && !envVariable) {
                        throw new ComposeFileException(
                                loc(n),
                                path,
                                "unknown YAML tag " + t,
                                "compose files accept only the !reset and !override tags");
                    }
                    yield Tag.NONE;
                }
            };
        }

        ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s, Tag tag) {
            String text = s.getValue();
            ScalarKind kind;
            if (!s.isPlain()) {
                kind = ScalarKind.STRING;
            } else {
                // With an explicit compose tag the parser cannot resolve the type; do it here.
                var resolved = tag == Tag.NONE ? s.getTag() : resolver.resolve(text, true);
                kind = kindOf(resolved);
            }
            return new ScalarNode(kind == ScalarKind.NULL ? null : text, kind, loc(s), tag);
        }

        ScalarKind kindOf(org.snakeyaml.engine.v2.nodes.Tag t) {
            if (t.equals(org.snakeyaml.engine.v2.nodes.Tag.INT)) {
                return ScalarKind.INT;
            } else if (t.equals(org.snakeyaml.engine.v2.nodes.Tag.FLOAT)) {
                return ScalarKind.FLOAT;
            } else if (t.equals(org.snakeyaml.engine.v2.nodes.Tag.BOOL)) {
                return ScalarKind.BOOL;
            } else if (t.equals(org.snakeyaml.engine.v2.nodes.Tag.NULL)) {
                return ScalarKind.NULL;
            }
            return ScalarKind.STRING;
        }

        SeqNode sequence(SequenceNode s, YamlPath path, Tag tag) {
            List<Node> items = new ArrayList<>();
            List<org.snakeyaml.engine.v2.nodes.Node> values = s.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(convert(values.get(i), path.index(i)));
            }
            return new SeqNode(items, loc(s), tag);
        }

        MapNode mapping(MappingNode m, YamlPath path, Tag tag) {
            Map<String, MapNode.Field> explicit = new LinkedHashMap<>();
            List<MapNode> merged = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                String key = keyOf(t.getKeyNode(), path);
                if (MERGE_KEY.equals(key) && isPlainScalar(t.getKeyNode())) {
                    merged.addAll(mergeSources(t.getValueNode(), path.key(key)));
                    continue;
                }
                MapNode.Field previous = explicit.get(key);
                if (previous != null) {
                    throw new ComposeFileException(
                            loc(t.getKeyNode()),
                            path.key(key),
                            "duplicate key, already defined at " + previous.keyLocation(),
                            "remove one of the two entries");
                }
                explicit.put(
                        key, new MapNode.Field(key, loc(t.getKeyNode()), convert(t.getValueNode(), path.key(key))));
            }
            List<MapNode.Field> fields = new ArrayList<>(explicit.values());
            // Merge keys: explicit keys win; among merged mappings the first one listed wins.
            Map<String, Boolean> present = new LinkedHashMap<>();
            explicit.keySet().forEach(k -> present.put(k, true));
            for (MapNode source : merged) {
                for (MapNode.Field f : source.fields()) {
                    if (present.putIfAbsent(f.key(), true) == null) {
                        fields.add(f);
                    }
                }
            }
            return new MapNode(fields, loc(m), tag);
        }

        boolean isPlainScalar(org.snakeyaml.engine.v2.nodes.Node n) {
            return n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s && s.isPlain();
        }

        List<MapNode> mergeSources(org.snakeyaml.engine.v2.nodes.Node value, YamlPath path) {
            Node converted = convert(value, path);
            List<MapNode> sources = new ArrayList<>();
            if (converted instanceof MapNode map) {
                sources.add(map);
            } else if (converted instanceof SeqNode seq) {
                for (Node item : seq.items()) {
                    if (!(item instanceof MapNode map)) {
                        throw mergeError(item, path);
                    }
                    sources.add(map);
                }
            } else {
                throw mergeError(converted, path);
            }
            return sources;
        }

        ComposeFileException mergeError(Node n, YamlPath path) {
            return new ComposeFileException(
                    n.location(),
                    path,
                    "merge key << takes a mapping or a list of mappings, not " + n.kindName(),
                    "write <<: *anchor where the anchor names a mapping");
        }

        String keyOf(org.snakeyaml.engine.v2.nodes.Node keyNode, YamlPath path) {
            if (keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
                return s.getValue();
            }
            throw new ComposeFileException(
                    loc(keyNode), path, "mapping keys must be scalars", "use a plain string as the key");
        }
    }

    /** Convenience for tests and callers that know the text holds exactly one document. */
    public Optional<Node> readOne(String text, String file) {
        List<Node> docs = readAll(text, file);
        return docs.isEmpty() ? Optional.empty() : Optional.of(docs.getFirst());
    }
}
