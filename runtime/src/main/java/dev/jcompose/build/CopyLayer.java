package dev.jcompose.build;

import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.Stage;
import java.util.Optional;

/**
 * COPY and ADD: the files come from the build context (their content is in the cache key), a named
 * additional context, another stage or an image (then that stage's or image's key stands for them);
 * they are written into an overlay of the stage, and its changes become the layer.
 */
final class CopyLayer {
    private final BuildSession session;
    private final Stage stage;
    private final Instruction.Copy copy;
    private final StageState state;

    CopyLayer(BuildSession session, Stage stage, Instruction.Copy copy, StageState state) {
        this.session = session;
        this.stage = stage;
        this.copy = copy;
        this.state = state;
    }

    StepWork work() {
        Optional<BuildContext> directory = session.directorySource(copy.from());
        if (directory.isPresent()) {
            CopyPlan plan = plan(directory.get());
            return new StepWork("content " + plan.contentKey(session.digests), now -> write(plan, now));
        }
        StageState from = session.from(stage, copy.at(), copy.from());
        return new StepWork("from " + from.key(), now -> {
            try (StepOverlay source = StepOverlay.mount(
                    session.mounter, session.images.snapshots().root(), session.lowers(from), session.workRoot)) {
                return write(plan(BuildContext.rootfs(source.root(), copy.from())), now);
            }
        });
    }

    private CopyPlan plan(BuildContext source) {
        return CopyPlan.of(source, copy, state.workdir());
    }

    private StepWork.Result write(CopyPlan plan, java.time.Instant now) {
        BuiltLayer layer;
        try (StepOverlay target = StepOverlay.mount(
                session.mounter, session.images.snapshots().root(), session.lowers(state), session.workRoot)) {
            plan.apply(target.root());
            target.unmount();
            layer = session.diff(target.upper()).orElse(null);
        }
        String keyword = copy.add() ? "ADD" : "COPY";
        HistoryEntry h =
                new HistoryEntry(now, HistoryEntry.copy(keyword, copy.sources(), copy.destination()), layer == null);
        return new StepWork.Result(
                layer == null ? state.draft().withStep(h) : state.draft().withLayer(layer, h), layer);
    }
}
