package dev.jcompose.dockerfile;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Docker's ARG scoping for one build: the global ARGs (before the first FROM) resolved with the build
 * arguments and the automatic platform ARGs, usable in FROM lines; each stage's own scope from
 * {@link #stage}; and the build arguments nothing declared.
 */
public final class BuildArgs {
    /** The proxy ARGs usable without declaration (they reach RUN, but not the cache key or history). */
    public static final SortedSet<String> PREDEFINED = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "FTP_PROXY",
            "ftp_proxy",
            "NO_PROXY",
            "no_proxy",
            "ALL_PROXY",
            "all_proxy")));

    private final Dockerfile dockerfile;
    private final SortedMap<String, String> given = new TreeMap<>();
    private final SortedMap<String, String> globals = new TreeMap<>();
    private final Set<String> globalNames = new HashSet<>();

    /**
     * @param buildArgs the build arguments; a null value means "not given" (the ARG's default applies)
     * @param host      the platform building and built for (fills TARGETPLATFORM, BUILDARCH...)
     */
    public BuildArgs(Dockerfile dockerfile, Map<String, String> buildArgs, BuildPlatform host) {
        this.dockerfile = dockerfile;
        buildArgs.forEach((k, v) -> {
            if (v != null) {
                given.put(k, v);
            }
        });
        platformArgs(host);
        for (Instruction.Arg arg : dockerfile.globalArgs()) {
            for (ArgDecl decl : arg.args()) {
                declareGlobal(arg.at(), decl);
            }
        }
    }

    /** BuildKit defines these in the global scope; a stage sees them once it declares them. */
    private void platformArgs(BuildPlatform host) {
        for (String side : List.of("TARGET", "BUILD")) {
            globals.put(side + "PLATFORM", host.platform());
            globals.put(side + "OS", host.os());
            globals.put(side + "ARCH", host.architecture());
            globals.put(side + "VARIANT", host.variantOrEmpty());
        }
    }

    private void declareGlobal(SourceLine at, ArgDecl decl) {
        Function<String, String> lookup = globals::get;
        String name = Words.expand(decl.name(), lookup, at);
        globalNames.add(name);
        String value = given.containsKey(name)
                ? given.get(name)
                : decl.defaultValue() == null ? null : Words.expand(decl.defaultValue(), lookup, at);
        if (value != null) {
            globals.put(name, value);
        }
    }

    /** The global scope: what FROM lines (image and --platform) are substituted with. */
    public Function<String, String> globalLookup() {
        return globals::get;
    }

    /** The global ARGs with a value, and the automatic platform ARGs. */
    public SortedMap<String, String> globalValues() {
        return Collections.unmodifiableSortedMap(globals);
    }

    /** The stage's FROM with its image and --platform substituted from the global scope. */
    public Instruction.From from(Stage stage) {
        return stage.from().expanded(globalLookup());
    }

    /**
     * A fresh scope for walking {@code stage}'s instructions.
     *
     * @param baseImageEnv the base image's config Env ({@code KEY=value}), empty for scratch; for a stage
     *                     built on another stage use {@link #stage(Stage, StageScope)}
     */
    public StageScope stage(Stage stage, List<String> baseImageEnv) {
        return new StageScope(this, baseImageEnv);
    }

    /**
     * A fresh scope for a stage whose FROM names an earlier stage: BuildKit starts it from that stage's final
     * state, so the ARGs the base stage declared stay in scope (unlike a stage built on an image).
     *
     * @param base the base stage's scope after its last instruction
     */
    public StageScope stage(Stage stage, StageScope base) {
        return new StageScope(this, base);
    }

    /** A build argument's value, or null when it was not given. */
    String given(String name) {
        return given.get(name);
    }

    /** A global ARG's value, inherited by a stage's {@code ARG name} without default. */
    String global(String name) {
        return globals.get(name);
    }

    /** The predefined proxy ARGs given as build arguments. */
    SortedMap<String, String> givenProxies() {
        SortedMap<String, String> proxies = new TreeMap<>(given);
        proxies.keySet().retainAll(PREDEFINED);
        return proxies;
    }

    /**
     * The build arguments no ARG declares, in the global scope or in {@code built} (the stages the build
     * runs); predefined proxy ARGs never count. Docker warns about them and builds anyway.
     */
    public SortedSet<String> unconsumed(Collection<Stage> built) {
        SortedSet<String> unused = new TreeSet<>(given.keySet());
        unused.removeAll(PREDEFINED);
        unused.removeAll(globalNames);
        for (Stage stage : built) {
            for (Instruction i : stage.instructions()) {
                if (i instanceof Instruction.Arg arg) {
                    arg.args().forEach(d -> unused.remove(d.name()));
                }
            }
        }
        return unused;
    }

    /** Docker's warning for {@link #unconsumed}, or null when every build argument was used. */
    public String unconsumedWarning(Collection<Stage> built) {
        SortedSet<String> unused = unconsumed(built);
        return unused.isEmpty() ? null : "[Warning] One or more build-args " + unused + " were not consumed";
    }

    Dockerfile dockerfile() {
        return dockerfile;
    }
}
