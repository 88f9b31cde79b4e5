package dev.jcompose.dockerfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The variables in scope while a stage's instructions are walked in order: the image's ENV (base image's,
 * then the stage's ENV instructions) and the ARGs the stage declared. An ENV value overrides an ARG of the
 * same name, as Docker documents. Call {@link #apply} after each instruction (only ARG and ENV change it).
 */
public final class StageScope {
    private final BuildArgs args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final SortedMap<String, String> argValues = new TreeMap<>();

    StageScope(BuildArgs args, StageScope base) {
        this.args = args;
        this.env.putAll(base.env);
        this.argValues.putAll(base.argValues);
    }

    StageScope(BuildArgs args, List<String> baseImageEnv) {
        this.args = args;
        for (String entry : baseImageEnv) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
    }

    /** What {@link Instruction#expanded} takes: ENV first, then the declared ARGs; null when unset. */
    public Function<String, String> lookup() {
        return name -> env.containsKey(name) ? env.get(name) : argValues.get(name);
    }

    /**
     * Takes {@code instruction} into the scope: an ARG declares its names (value: the build argument, else
     * its default substituted now, else the global ARG's value); an ENV sets its pairs, all substituted with
     * the values from before it. Other instructions change nothing.
     */
    public void apply(Instruction instruction) {
        if (instruction instanceof Instruction.Arg arg) {
            arg.args().forEach(decl -> declare(arg.at(), decl));
        } else if (instruction instanceof Instruction.Env e) {
            for (KeyValue pair : e.expanded(lookup()).pairs()) {
                env.put(pair.key(), pair.value()); // a redefined variable keeps its place, as in Docker
            }
        }
    }

    private void declare(SourceLine at, ArgDecl decl) {
        String name = Words.expand(decl.name(), lookup(), at);
        String value = args.given(name);
        if (value == null && decl.defaultValue() != null) {
            value = Words.expand(decl.defaultValue(), lookup(), at);
        } else if (value == null) {
            value = args.global(name);
        }
        if (value != null) {
            argValues.put(name, value);
        } else {
            argValues.remove(name);
        }
    }

    /**
     * The declared ARGs with a value that no ENV overrides: added to RUN's environment and to its cache key,
     * but not to the image config.
     */
    public SortedMap<String, String> argsInScope() {
        SortedMap<String, String> visible = new TreeMap<>(argValues);
        visible.keySet().removeAll(env.keySet());
        return Collections.unmodifiableSortedMap(visible);
    }

    /**
     * The predefined proxy ARGs given to the build and not declared by the stage: RUN gets them in its
     * environment, but Docker keeps them out of the cache key and the history.
     */
    public SortedMap<String, String> proxyArgs() {
        SortedMap<String, String> proxies = new TreeMap<>(args.givenProxies());
        proxies.keySet().removeAll(argValues.keySet());
        proxies.keySet().removeAll(env.keySet());
        return Collections.unmodifiableSortedMap(proxies);
    }

    /** The image's ENV so far, in Docker's config order (base image's first, a redefined one in its first place). */
    public Map<String, String> env() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** {@link #env} as the image config's {@code KEY=value} list. */
    public List<String> envList() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
