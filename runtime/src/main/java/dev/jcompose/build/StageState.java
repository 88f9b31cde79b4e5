package dev.jcompose.build;

import dev.jcompose.rootfs.Snapshot;
import java.util.List;

/**
 * A stage between two steps: the image so far, the snapshots of its layers (base first; what the next
 * step runs on), and the cache key of everything that made it.
 */
record StageState(ImageDraft draft, List<Snapshot> snapshots, String key) {
    StageState {
        snapshots = List.copyOf(snapshots);
    }

    StageState next(ImageDraft d, Snapshot added, String k) {
        if (added == null) {
            return new StageState(d, snapshots, k);
        }
        List<Snapshot> more = new java.util.ArrayList<>(snapshots);
        more.add(added);
        return new StageState(d, more, k);
    }

    /** The working directory steps run in: the image's, else {@code /}. */
    String workdir() {
        return draft.workingDir().isEmpty() ? "/" : draft.workingDir();
    }
}
