package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The stages a target needs and the order to build them: a stage needs the stage its FROM names and
 * those its {@code COPY --from} and {@code RUN --mount from=} name (by name or index); anything else named
 * there is an image. Stages the target does not need are skipped; stages of one {@link #levels level}
 * need nothing from each other and may build in parallel. A stage whose name is a named build context
 * ({@code additional_contexts}) is replaced by that context, as in BuildKit: it is not built and needs nothing.
 */
public final class StageGraph {
    private final Dockerfile dockerfile;
    private final Map<Integer, Base> bases = new TreeMap<>();
    private final Map<Integer, SortedSet<Integer>> needs = new TreeMap<>();
    private final Set<String> contexts;
    private final Stage target;
    private final List<List<Stage>> levels;

    /** What a stage builds on: an earlier stage, or an image reference (incl. {@code scratch}). */
    public record Base(Stage stage, String image) {}

    private StageGraph(
            Dockerfile dockerfile, String targetName, Function<String, String> globals, Set<String> contexts) {
        this.dockerfile = dockerfile;
        this.contexts = Set.copyOf(contexts);
        this.target = target(targetName);
        for (Stage stage : dockerfile.stages()) {
            link(stage, globals);
        }
        this.levels = computeLevels();
    }

    /**
     * @throws DockerfileException for an unknown target, a FROM naming a later stage, an invalid stage index,
     *     or stages that need each other
     * @param target  the stage to build; null = the last one
     * @param globals the global ARGs ({@link BuildArgs#globalLookup}) FROM lines are substituted with
     */
    public static StageGraph of(Dockerfile dockerfile, String target, Function<String, String> globals) {
        return new StageGraph(dockerfile, target, globals, Set.of());
    }

    /**
     * As {@link #of(Dockerfile, String, Function)}, with the names of the build's named contexts
     * ({@code additional_contexts}): a stage of such a name is taken from the context instead of built.
     */
    public static StageGraph of(
            Dockerfile dockerfile, String target, Function<String, String> globals, Set<String> contexts) {
        return new StageGraph(dockerfile, target, globals, contexts);
    }

    /** Whether {@code stage} is replaced by the named context of its name (then it is not built). */
    public boolean replacedByContext(Stage stage) {
        return stage.name() != null && contexts.contains(stage.name());
    }

    private Stage target(String name) {
        List<Stage> stages = dockerfile.stages();
        if (name == null) {
            return stages.get(stages.size() - 1);
        }
        return stages.stream()
                .filter(s -> name.toLowerCase(Locale.ROOT).equals(s.name()))
                .findFirst()
                .orElseThrow(() -> new DockerfileException(
                        "target stage \"" + name + "\" could not be found",
                        "the named stages are: " + String.join(", ", stageNames())));
    }

    private List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (Stage s : dockerfile.stages()) {
            if (s.name() != null) {
                names.add(s.name());
            }
        }
        return names.isEmpty() ? List.of("(none: name one with FROM image AS name)") : names;
    }

    private void link(Stage stage, Function<String, String> globals) {
        Instruction.From from = stage.from().expanded(globals);
        if (from.image().isBlank()) {
            throw new DockerfileException(
                    from.at(),
                    "base name (" + stage.from().image() + ") should not be blank",
                    "give the image, or a default to the global ARG it uses: ARG IMAGE=debian:bookworm");
        }
        SortedSet<Integer> deps = new TreeSet<>();
        if (replacedByContext(stage)) {
            bases.put(stage.index(), new Base(null, from.image()));
            needs.put(stage.index(), deps);
            return;
        }
        Stage base = base(stage, from.image(), from.at());
        bases.put(stage.index(), new Base(base, base == null ? from.image() : null));
        if (base != null) {
            deps.add(base.index());
        }
        for (Instruction i : stage.instructions()) {
            for (String ref : references(i)) {
                Stage source = source(stage, ref, i.at());
                if (source != null) {
                    deps.add(source.index());
                }
            }
        }
        needs.put(stage.index(), deps);
    }

    private static List<String> references(Instruction i) {
        List<String> refs = new ArrayList<>();
        if (i instanceof Instruction.Copy c && c.from() != null) {
            refs.add(c.from());
        } else if (i instanceof Instruction.Run r) {
            r.mounts().stream().filter(m -> m.from() != null).forEach(m -> refs.add(m.from()));
        }
        return refs;
    }

    /**
     * The stage a --from/from= names (a name or an index, of any stage: BuildKit allows later ones as long
     * as there is no cycle), or null for an image.
     */
    private Stage source(Stage user, String ref, SourceLine at) {
        if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
            int index = ref.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(ref);
            if (index >= dockerfile.stages().size()) {
                throw new DockerfileException(
                        at,
                        "invalid stage index " + ref,
                        "--from=N names stage N, counting from 0; this Dockerfile has "
                                + dockerfile.stages().size() + " stages");
            }
            return dockerfile.stages().get(index);
        }
        String name = ref.toLowerCase(Locale.ROOT);
        return dockerfile.stages().stream()
                .filter(s -> name.equals(s.name()))
                .findFirst()
                .orElse(null);
    }

    /**
     * The earlier stage a FROM names, or null for an image. {@code FROM node AS node} names the image (as in
     * Docker); a FROM naming a later stage is refused, since Docker would silently pull an image of that name.
     */
    private Stage base(Stage user, String ref, SourceLine at) {
        String name = ref.toLowerCase(Locale.ROOT);
        for (Stage s : dockerfile.stages()) {
            if (name.equals(s.name()) && s.index() < user.index()) {
                return s;
            }
            if (name.equals(s.name()) && s.index() > user.index()) {
                throw new DockerfileException(
                        at,
                        "FROM " + ref + " names a later stage (line "
                                + s.from().at().line() + ")",
                        "a stage can only build on a stage defined before it; move stage " + s.name() + " up");
            }
        }
        return null;
    }

    /** Groups the needed stages by depth: a stage's level is one more than its deepest dependency's. */
    private List<List<Stage>> computeLevels() {
        Map<Integer, Integer> depth = new TreeMap<>();
        // every stage is checked for cycles, as BuildKit does, not only those the target needs
        dockerfile.stages().forEach(s -> depthOf(s.index(), depth, new ArrayList<>()));
        SortedSet<Integer> reachable = new TreeSet<>();
        reach(target.index(), reachable);
        Map<Integer, List<Stage>> byDepth = new TreeMap<>();
        reachable.forEach(i -> byDepth.computeIfAbsent(depth.get(i), k -> new ArrayList<>())
                .add(dockerfile.stages().get(i)));
        return byDepth.values().stream().map(List::copyOf).toList();
    }

    private void reach(int index, SortedSet<Integer> reachable) {
        if (reachable.add(index)) {
            needs.get(index).forEach(dep -> reach(dep, reachable));
        }
    }

    private int depthOf(int index, Map<Integer, Integer> depth, List<Integer> path) {
        Integer known = depth.get(index);
        if (known != null) {
            return known;
        }
        if (path.contains(index)) {
            throw cycle(path.subList(path.indexOf(index), path.size()), index);
        }
        path.add(index);
        int d = 0;
        for (int dep : needs.get(index)) {
            d = Math.max(d, depthOf(dep, depth, path) + 1);
        }
        path.remove(path.size() - 1);
        depth.put(index, d);
        return d;
    }

    private DockerfileException cycle(List<Integer> loop, int back) {
        Stage stage = dockerfile.stages().get(back);
        List<String> names = new ArrayList<>();
        loop.forEach(i -> names.add(label(dockerfile.stages().get(i))));
        names.add(label(stage));
        return new DockerfileException(
                stage.from().at(),
                "circular dependency detected on stage: " + label(stage),
                "the stages use each other: " + String.join(" -> ", names) + "; break the loop");
    }

    private static String label(Stage stage) {
        return stage.name() != null ? stage.name() : "stage-" + stage.index();
    }

    public Stage target() {
        return target;
    }

    /**
     * The needed stages, each after those it needs; within a level in file order. A stage
     * {@link #replacedByContext replaced by a named context} is listed where it is needed but not built.
     */
    public List<Stage> order() {
        return levels.stream().flatMap(List::stream).toList();
    }

    /** The needed stages by level: a level's stages need only stages of earlier levels. */
    public List<List<Stage>> levels() {
        return levels;
    }

    /** The stages {@code stage} needs directly (its FROM, --from and mount from=), in file order. */
    public List<Stage> needs(Stage stage) {
        return needs.get(stage.index()).stream().map(dockerfile.stages()::get).toList();
    }

    /** What {@code stage}'s FROM names, substituted with the global ARGs. */
    public Base base(Stage stage) {
        return bases.get(stage.index());
    }

    /**
     * The stage a {@code COPY --from} or mount {@code from=} of {@code user} names, or null when it is an
     * image reference.
     */
    public Stage stageFor(Stage user, String ref) {
        return source(user, ref, user.from().at());
    }

    /** Whether the target needs {@code stage}. */
    public boolean needed(Stage stage) {
        return order().contains(stage);
    }

    /** The stages the target does not need, in file order. */
    public List<Stage> skipped() {
        List<Stage> skipped = new ArrayList<>(dockerfile.stages());
        skipped.removeAll(order());
        return Collections.unmodifiableList(skipped);
    }
}
