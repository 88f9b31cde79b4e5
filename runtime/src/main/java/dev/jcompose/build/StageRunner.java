package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.DockerfileParser;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.Stage;
import dev.jcompose.dockerfile.StageGraph;
import dev.jcompose.dockerfile.StageScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds one stage: from its base (an image, scratch or an earlier stage), each instruction in order,
 * substituted with the variables in scope; a step whose key is in the cache is taken from it, any
 * other runs (config instructions change the draft, RUN, COPY, ADD and WORKDIR make a layer).
 */
final class StageRunner {
    private final BuildSession session;
    private final Stage stage;
    private final String name;
    /** Whether the stage ran a CMD yet: an ENTRYPOINT drops only an inherited one. */
    private boolean cmdSet;

    StageRunner(BuildSession session, Stage stage) {
        this.session = session;
        this.stage = stage;
        this.name = stage.name() != null ? stage.name() : String.valueOf(stage.index());
    }

    StageState run() {
        platform(session.args.from(stage));
        StageGraph.Base base = session.graph.base(stage);
        StageState state = base.stage() != null ? session.stage(base.stage()) : session.image(base.image());
        StageScope scope = base.stage() != null
                ? session.args.stage(stage, session.scope(base.stage()))
                : session.args.stage(stage, state.draft().env());
        List<Instruction> steps = new ArrayList<>(triggers(state.draft()));
        if (!steps.isEmpty()) {
            // a base's triggers run once, here: the new image does not pass them on to its own children
            state = new StageState(state.draft().withOnBuild(List.of()), state.snapshots(), state.key());
        }
        steps.addAll(stage.instructions());
        for (int i = 0; i < steps.size(); i++) {
            Instruction raw = steps.get(i);
            StepRef ref = new StepRef(name, i + 1, steps.size(), raw.at().original());
            state = step(ref, raw, state, scope);
        }
        session.finished(stage, state, scope);
        return state;
    }

    /** FROM --platform may name only this host's platform: builds run here, without emulation. */
    private void platform(Instruction.From from) {
        if (from.platform() == null || from.platform().isEmpty()) {
            return;
        }
        dev.jcompose.image.Platform host = session.images.platform();
        dev.jcompose.image.Platform asked = dev.jcompose.image.Platform.parse(from.platform());
        if (!asked.os().equals(host.os()) || !asked.architecture().equals(host.architecture())) {
            throw new DockerfileException(
                    from.at(),
                    "platform " + from.platform() + " is not this host's (" + host.os() + "/" + host.architecture()
                            + ")",
                    "jcompose builds for the host only: drop --platform, or use --platform=$BUILDPLATFORM");
        }
    }

    /** The base image's ONBUILD triggers, run before the stage's own instructions as Docker does. */
    private static List<Instruction> triggers(ImageDraft base) {
        List<Instruction> out = new ArrayList<>();
        for (String trigger : base.onBuild()) {
            out.addAll(DockerfileParser.parse("FROM scratch\n" + trigger, "ONBUILD")
                    .stages()
                    .get(0)
                    .instructions());
        }
        return out;
    }

    private StageState step(StepRef ref, Instruction raw, StageState state, StageScope scope) {
        Instruction step = raw.expanded(scope.lookup());
        cmdSet |= step instanceof Instruction.Cmd;
        scope.apply(raw);
        session.steps.incrementAndGet();
        Instant started = session.now();
        session.tell(ref, BuildStep.Status.STARTED, Duration.ZERO, "");
        try {
            StepWork work = work(ref, step, state, scope);
            String key = StepKey.of(state.key(), step, scope.argsInScope(), work.input());
            Optional<CacheEntry> hit = session.cached(key);
            if (hit.isPresent()) {
                session.cached.incrementAndGet();
                session.tell(ref, BuildStep.Status.CACHED, Duration.ZERO, "");
                BuiltLayer layer = hit.get().layer();
                return state.next(hit.get().draft(), layer == null ? null : session.snapshot(layer), key);
            }
            Instant now = session.now();
            StepWork.Result r = work.run(now);
            session.cache.put(key, new CacheEntry(r.draft(), r.layer(), now));
            session.tell(ref, BuildStep.Status.DONE, Duration.between(started, session.now()), "");
            return state.next(r.draft(), r.layer() == null ? null : session.snapshot(r.layer()), key);
        } catch (RuntimeException e) {
            session.tell(
                    ref,
                    BuildStep.Status.ERROR,
                    Duration.between(started, session.now()),
                    String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** What the step reads beyond its text, and how to run it. */
    private StepWork work(StepRef ref, Instruction step, StageState state, StageScope scope) {
        return switch (step) {
            case Instruction.Run run -> new RunLayer(session, stage, ref, run, state, scope).work();
            case Instruction.Copy copy -> new CopyLayer(session, stage, copy, state).work();
            case Instruction.Workdir w -> WorkdirLayer.work(session, w, state);
            case Instruction.From f ->
                throw new DockerfileException(f.at(), "FROM inside a stage", "start a new stage");
            default ->
                StepWork.config(now -> {
                    ImageDraft d = ConfigStep.apply(state.draft(), step, now, cmdSet);
                    if (d == null) {
                        throw new DockerfileException(step.at(), "is not supported here", "remove it");
                    }
                    return new StepWork.Result(d, null);
                });
        };
    }
}
