package dev.jcompose.plan;

import dev.jcompose.policy.BuildPolicy;
import dev.jcompose.policy.PullPolicy;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The command line of {@code up}, {@code down}, {@code start}, {@code stop} or {@code restart} as far
 * as planning cares.
 *
 * @param services           the services named on the command line; empty = all ({@code start}: with
 *                           their dependencies, {@code stop} and {@code restart}: those alone)
 * @param noDeps             {@code --no-deps}: leave the named services' dependencies alone
 * @param pull               {@code --pull}, overriding every service's {@code pull_policy}; {@code null} = not given
 * @param recreate           {@code --force-recreate} / {@code --no-recreate} for the targeted services
 * @param alwaysRecreateDeps {@code --always-recreate-deps}: force-recreate the non-targeted dependencies too
 * @param noStart            {@code --no-start}: create, do not start
 * @param removeOrphans      {@code --remove-orphans}
 * @param removeVolumes      {@code down -v}: remove named (non-external) and anonymous volumes
 * @param scale              {@code --scale service=n} overrides
 * @param timeout            {@code --timeout}: stop grace period; {@code null} = the service's stop_grace_period
 * @param build              {@code --build} / {@code --no-build}; {@code null} = build what is missing
 */
public record PlanOptions(
        Command command,
        SortedSet<String> services,
        boolean noDeps,
        PullPolicy pull,
        Recreate recreate,
        boolean alwaysRecreateDeps,
        boolean noStart,
        boolean removeOrphans,
        boolean removeVolumes,
        SortedMap<String, Integer> scale,
        Duration timeout,
        BuildPolicy build) {

    public enum Command {
        UP,
        DOWN,
        /** Starts created or exited containers in dependency order, gated like {@code up}'s starts. */
        START,
        /** Stops running containers in reverse dependency order: dependents first. */
        STOP,
        /** STOP, then START of the same services (their dependencies only waited for, not started). */
        RESTART
    }

    public PlanOptions {
        services = Collections.unmodifiableSortedSet(services == null ? new TreeSet<>() : new TreeSet<>(services));
        scale = Collections.unmodifiableSortedMap(new TreeMap<>(scale == null ? Map.of() : scale));
        recreate = recreate == null ? Recreate.DIVERGED : recreate;
        build = build == null ? BuildPolicy.MISSING : build;
    }

    public static PlanOptions up() {
        return new PlanOptions(
                Command.UP, null, false, null, Recreate.DIVERGED, false, false, false, false, null, null, null);
    }

    public static PlanOptions down() {
        return new PlanOptions(
                Command.DOWN, null, false, null, Recreate.DIVERGED, false, false, false, false, null, null, null);
    }

    public static PlanOptions start() {
        return new PlanOptions(
                Command.START, null, false, null, Recreate.DIVERGED, false, false, false, false, null, null, null);
    }

    public static PlanOptions stop() {
        return new PlanOptions(
                Command.STOP, null, false, null, Recreate.DIVERGED, false, false, false, false, null, null, null);
    }

    public static PlanOptions restart() {
        return new PlanOptions(
                Command.RESTART, null, false, null, Recreate.DIVERGED, false, false, false, false, null, null, null);
    }

    public PlanOptions withServices(Collection<String> names, boolean withoutDeps) {
        return new PlanOptions(
                command,
                new TreeSet<>(names),
                withoutDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                noStart,
                removeOrphans,
                removeVolumes,
                scale,
                timeout,
                build);
    }

    public PlanOptions withPull(PullPolicy policy) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                policy,
                recreate,
                alwaysRecreateDeps,
                noStart,
                removeOrphans,
                removeVolumes,
                scale,
                timeout,
                build);
    }

    /** For planning again once the image phase ran: every image is now present, none is pulled or built again. */
    public PlanOptions afterImages() {
        return withPull(PullPolicy.MISSING).withBuild(BuildPolicy.MISSING);
    }

    public PlanOptions withRecreate(Recreate strategy, boolean dependenciesToo) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                strategy,
                dependenciesToo,
                noStart,
                removeOrphans,
                removeVolumes,
                scale,
                timeout,
                build);
    }

    public PlanOptions withNoStart(boolean value) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                value,
                removeOrphans,
                removeVolumes,
                scale,
                timeout,
                build);
    }

    public PlanOptions withRemoveOrphans(boolean value) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                noStart,
                value,
                removeVolumes,
                scale,
                timeout,
                build);
    }

    public PlanOptions withRemoveVolumes(boolean value) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                noStart,
                removeOrphans,
                value,
                scale,
                timeout,
                build);
    }

    public PlanOptions withScale(String service, int replicas) {
        SortedMap<String, Integer> s = new TreeMap<>(scale);
        s.put(service, replicas);
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                noStart,
                removeOrphans,
                removeVolumes,
                s,
                timeout,
                build);
    }

    public PlanOptions withTimeout(Duration value) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                noStart,
                removeOrphans,
                removeVolumes,
                scale,
                value,
                build);
    }

    public PlanOptions withBuild(BuildPolicy policy) {
        return new PlanOptions(
                command,
                services,
                noDeps,
                pull,
                recreate,
                alwaysRecreateDeps,
                noStart,
                removeOrphans,
                removeVolumes,
                scale,
                timeout,
                policy);
    }
}
