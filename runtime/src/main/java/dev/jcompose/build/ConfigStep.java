package dev.jcompose.build;

import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.InstructionCommand;
import dev.jcompose.dockerfile.KeyValue;
import dev.jcompose.image.ImageConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructions that change only the image config ({@code cmdSet}: whether the stage ran a CMD already): each becomes a history entry without a layer,
 * written as BuildKit writes it.
 */
final class ConfigStep {
    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ConfigStep() {}

    /** {@code step} (substituted) applied to {@code d}; null when {@code step} is not a config instruction. */
    static ImageDraft apply(ImageDraft d, Instruction step, Instant now, boolean cmdSet) {
        ImageDraft next = switch (step) {
            case Instruction.Env e -> env(d, e);
            case Instruction.Label l -> d.withLabels(labels(l));
            case Instruction.Cmd c -> d.withCmd(argv(d, c.command()));
            // as BuildKit: an ENTRYPOINT drops the CMD the base image had, not one this stage set
            case Instruction.Entrypoint e ->
                cmdSet
                        ? d.withEntrypoint(argv(d, e.command()))
                        : d.withEntrypoint(argv(d, e.command())).withCmd(null);
            case Instruction.Expose e -> expose(d, e);
            case Instruction.User u -> d.withUser(u.user());
            case Instruction.Volume v -> volumes(d, v);
            case Instruction.StopSignal s -> d.withStopSignal(s.signal());
            case Instruction.Healthcheck h -> d.withHealthcheck(healthcheck(h));
            case Instruction.Shell s -> d.withShell(s.shell());
            case Instruction.Onbuild o -> d.withOnBuild(append(d.onBuild(), o.trigger()));
            case Instruction.Maintainer m -> d.withAuthor(m.name());
            case Instruction.Arg a -> d;
            default -> null;
        };
        return next == null ? null : next.withStep(new HistoryEntry(now, createdBy(step), true));
    }

    /** A command as the image config keeps it: exec form as is, shell form through the image's SHELL. */
    static List<String> argv(ImageDraft d, InstructionCommand c) {
        if (!c.shell()) {
            return c.args();
        }
        List<String> out = new ArrayList<>(d.shell() == null ? DEFAULT_SHELL : d.shell());
        out.addAll(c.args());
        return out;
    }

    /** Docker's form: {@code ["NONE"]}, {@code ["CMD", ...]} or {@code ["CMD-SHELL", "cmd"]}; unset durations zero. */
    private static ImageConfig.Healthcheck healthcheck(Instruction.Healthcheck h) {
        List<String> test = new ArrayList<>();
        if (h.test() == null) {
            test.add("NONE");
        } else if (h.test().shell()) {
            test.add("CMD-SHELL");
            test.add(String.join(" ", h.test().args()));
        } else {
            test.add("CMD");
            test.addAll(h.test().args());
        }
        return new ImageConfig.Healthcheck(
                test,
                orZero(h.interval()),
                orZero(h.timeout()),
                orZero(h.startPeriod()),
                orZero(h.startInterval()),
                h.retries() == null ? 0 : h.retries());
    }

    private static java.time.Duration orZero(java.time.Duration d) {
        return d == null ? java.time.Duration.ZERO : d;
    }

    private static ImageDraft env(ImageDraft d, Instruction.Env e) {
        for (KeyValue kv : e.pairs()) {
            d = d.withEnv(kv.key(), kv.value());
        }
        return d;
    }

    private static java.util.Map<String, String> labels(Instruction.Label l) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        l.pairs().forEach(kv -> out.put(kv.key(), kv.value()));
        return out;
    }

    /** {@code 80}, {@code 80/udp}; a range {@code 8000-8002} is each of its ports, as Docker expands it. */
    private static ImageDraft expose(ImageDraft d, Instruction.Expose e) {
        for (String p : e.ports()) {
            String proto = p.contains("/") ? p.substring(p.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT) : "tcp";
            String port = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            String[] range = port.split("-", 2);
            int lo = Integer.parseInt(range[0]);
            int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
            for (int n = lo; n <= hi; n++) {
                d = d.withExposedPort(n + "/" + proto);
            }
        }
        return d;
    }

    private static ImageDraft volumes(ImageDraft d, Instruction.Volume v) {
        for (String p : v.paths()) {
            d = d.withVolume(p);
        }
        return d;
    }

    private static List<String> append(List<String> list, String v) {
        List<String> out = new ArrayList<>(list);
        out.add(v);
        return out;
    }

    /** BuildKit's history text for a config instruction: the instruction as substituted. */
    static String createdBy(Instruction step) {
        return switch (step) {
            case Instruction.Env e -> "ENV " + join(e.pairs());
            case Instruction.Label l -> "LABEL " + join(l.pairs());
            case Instruction.Arg a ->
                "ARG "
                        + String.join(
                                " ",
                                a.args().stream()
                                        .map(x ->
                                                x.defaultValue() == null ? x.name() : x.name() + "=" + x.defaultValue())
                                        .toList());
            case Instruction.Workdir w -> "WORKDIR " + w.path();
            default -> step.at().original();
        };
    }

    private static String join(List<KeyValue> pairs) {
        return String.join(
                " ", pairs.stream().map(kv -> kv.key() + "=" + kv.value()).toList());
    }
}
