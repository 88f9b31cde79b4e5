package dev.jcompose.api;

import dev.jcompose.policy.BuildPolicy;
import dev.jcompose.policy.PullPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code up}'s command line.
 *
 * @param services     the services to bring up; empty = all
 * @param pull         {@code --pull}; null = each service's pull_policy
 * @param waitHealthy  {@code --wait}: return only when every started container is running and healthy
 * @param waitTimeout  bound of {@code --wait} and of depends_on waits; null = 10 minutes
 * @param timeout      stop grace period for recreations; null = each service's stop_grace_period
 * @param configFiles  the compose files the project was loaded from (absolute), labelled on the containers
 * @param workingDir   the project directory, labelled on the containers; null = not labelled
 * @param build        {@code --build} (ALWAYS) / {@code --no-build} (NEVER); null = build what is missing
 * @param compatibility {@code --compatibility} or {@code COMPOSE_COMPATIBILITY}: containers created are
 *                      named with {@code _} ({@code project_service_1}), as docker-compose v1 did
 */
public record UpOptions(
        List<String> services,
        boolean noDeps,
        boolean forceRecreate,
        boolean noRecreate,
        boolean removeOrphans,
        SortedMap<String, Integer> scale,
        PullPolicy pull,
        boolean noStart,
        boolean waitHealthy,
        Duration waitTimeout,
        Duration timeout,
        List<String> configFiles,
        String workingDir,
        BuildPolicy build,
        boolean compatibility) {
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

    /** Options with compose's current container names. */
    public UpOptions(
            List<String> services,
            boolean noDeps,
            boolean forceRecreate,
            boolean noRecreate,
            boolean removeOrphans,
            SortedMap<String, Integer> scale,
            PullPolicy pull,
            boolean noStart,
            boolean waitHealthy,
            Duration waitTimeout,
            Duration timeout,
            List<String> configFiles,
            String workingDir,
            BuildPolicy build) {
        this(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                configFiles,
                workingDir,
                build,
                false);
    }

    /** Options without the project's origin (its containers get no config_files/working_dir labels). */
    public UpOptions(
            List<String> services,
            boolean noDeps,
            boolean forceRecreate,
            boolean noRecreate,
            boolean removeOrphans,
            SortedMap<String, Integer> scale,
            PullPolicy pull,
            boolean noStart,
            boolean waitHealthy,
            Duration waitTimeout,
            Duration timeout) {
        this(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                List.of(),
                null,
                null);
    }

    /** Options with their origin and without a build choice (build what is missing). */
    public UpOptions(
            List<String> services,
            boolean noDeps,
            boolean forceRecreate,
            boolean noRecreate,
            boolean removeOrphans,
            SortedMap<String, Integer> scale,
            PullPolicy pull,
            boolean noStart,
            boolean waitHealthy,
            Duration waitTimeout,
            Duration timeout,
            List<String> configFiles,
            String workingDir) {
        this(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                configFiles,
                workingDir,
                null);
    }

    public UpOptions {
        configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
        services = services == null ? List.of() : List.copyOf(services);
        build = build == null ? BuildPolicy.MISSING : build;
        scale = Collections.unmodifiableSortedMap(new TreeMap<>(scale == null ? Map.of() : scale));
        if (forceRecreate && noRecreate) {
            throw new StackException("--force-recreate and --no-recreate are incompatible", "use one of them");
        }
    }

    public static UpOptions defaults() {
        return new UpOptions(List.of(), false, false, false, false, null, null, false, false, null, null);
    }

    public UpOptions withWait(boolean value, Duration bound) {
        return new UpOptions(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                value,
                bound,
                timeout,
                configFiles,
                workingDir,
                build,
                compatibility);
    }

    public UpOptions withServices(List<String> names, boolean withoutDeps) {
        return new UpOptions(
                names,
                withoutDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                configFiles,
                workingDir,
                build,
                compatibility);
    }

    public UpOptions withRecreate(boolean force, boolean never) {
        return new UpOptions(
                services,
                noDeps,
                force,
                never,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                configFiles,
                workingDir,
                build,
                compatibility);
    }

    /** Where the project comes from: labelled on the containers {@code up} creates, for {@code ls}. */
    public UpOptions withOrigin(List<String> files, String directory) {
        return new UpOptions(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                files,
                directory,
                build,
                compatibility);
    }

    public UpOptions withBuild(BuildPolicy policy) {
        return new UpOptions(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                configFiles,
                workingDir,
                policy,
                compatibility);
    }

    /** {@code --compatibility}: new containers named {@code project_service_1}, as docker-compose v1 named them. */
    public UpOptions withCompatibility(boolean value) {
        return new UpOptions(
                services,
                noDeps,
                forceRecreate,
                noRecreate,
                removeOrphans,
                scale,
                pull,
                noStart,
                waitHealthy,
                waitTimeout,
                timeout,
                configFiles,
                workingDir,
                build,
                value);
    }

    public Duration effectiveWaitTimeout() {
        return waitTimeout == null ? DEFAULT_WAIT : waitTimeout;
    }
}
