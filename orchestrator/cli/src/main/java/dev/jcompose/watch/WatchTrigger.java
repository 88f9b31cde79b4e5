package dev.jcompose.watch;

import dev.jcompose.model.BuildConfig;
import dev.jcompose.model.WatchRule;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link WatchRule} with its matchers: a changed path counts when it is at or below the rule's
 * path, matches {@code include} (when given), and is not ignored by the rule's {@code ignore}, the
 * service's {@code .dockerignore}, editors' temp files or {@code .git}.
 */
record WatchTrigger(WatchRule rule, WatchIgnore include, WatchIgnore ignore, WatchIgnore dockerignore) {
    private static final WatchIgnore EPHEMERAL = WatchIgnore.ephemeral();

    static WatchTrigger of(WatchRule rule, BuildConfig build) {
        return new WatchTrigger(
                rule,
                WatchIgnore.of(rule.path(), rule.include()),
                WatchIgnore.of(rule.path(), rule.ignore()),
                WatchIgnore.dockerignore(build));
    }

    /** Where {@code changed} goes in the container (the target for rebuild/restart: none), if it counts. */
    Optional<Mapping> match(Path changed) {
        if (!changed.startsWith(rule.path()) || !include.isEmpty() && !include.matches(changed) || ignored(changed)) {
            return Optional.empty();
        }
        String relative = rule.path().relativize(changed).toString();
        String target = rule.target() == null
                ? null
                : relative.isEmpty() ? rule.target() : rule.target().replaceAll("/+$", "") + "/" + relative;
        return Optional.of(new Mapping(changed, target));
    }

    boolean ignored(Path p) {
        return ignore.matches(p) || dockerignore.matches(p) || EPHEMERAL.matches(p);
    }

    /** A host path and where it goes in the service's containers. */
    record Mapping(Path host, String container) {}
}
