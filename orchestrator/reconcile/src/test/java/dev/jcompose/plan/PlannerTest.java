package dev.jcompose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.config.ServiceHash;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.ModelJson;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedImage;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final DesiredProject PAIR = DesiredProject.of(ModelJson.read("""
            {"name": "p", "services": {
              "cache": {"image": "redis", "command": null, "entrypoint": null,
                        "healthcheck": {"test": ["CMD", "true"]}, "stop_grace_period": "20s"},
              "app": {"image": "app:1", "command": null, "entrypoint": null,
                      "depends_on": {"cache": {"condition": "service_healthy", "required": false}}}}}"""));
    private static final ObservedState IMAGES = new ObservedState(
            null,
            null,
            null,
            List.of(new ObservedImage("redis:latest", "sha256:r"), new ObservedImage("app:1", "sha256:a")));

    private static ObservedContainer running(String service, int number, String hash) {
        return new ObservedContainer(
                "p-" + service + "-" + number,
                "p",
                service,
                number,
                false,
                hash,
                null,
                ContainerState.RUNNING,
                0,
                Health.NONE);
    }

    private static ObservedState with(ObservedContainer... containers) {
        return new ObservedState(List.of(containers), null, null, IMAGES.images());
    }

    @Test
    void freshUpCarriesNumbersNamesAndHashes() {
        Plan<Operation> plan = Planner.plan(PAIR, IMAGES, PlanOptions.up());
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.steps())
                .extracting(Step::op)
                .containsExactly(
                        new Operation.CreateContainer("cache", 1, "p-cache-1", ServiceHash.of(PAIR.service("cache"))),
                        new Operation.CreateContainer("app", 1, "p-app-1", ServiceHash.of(PAIR.service("app"))),
                        new Operation.StartContainer("cache", 1, "p-cache-1"),
                        new Operation.WaitForCondition("cache", DependencyCondition.SERVICE_HEALTHY, false),
                        new Operation.StartContainer("app", 1, "p-app-1"));
        assertThat(plan.steps())
                .extracting(Step::id)
                .containsExactly(
                        "create:p-cache-1",
                        "create:p-app-1",
                        "start:p-cache-1",
                        "wait:cache:healthy:optional",
                        "start:p-app-1");
        assertThat(plan.steps().get(4).dependsOn()).containsExactly("create:p-app-1", "wait:cache:healthy:optional");
    }

    @Test
    void upToDateRunningProjectPlansOnlyTheWait() {
        Plan<Operation> plan = Planner.plan(
                PAIR,
                with(running("cache", 1, PAIR.configHash("cache")), running("app", 1, PAIR.configHash("app"))),
                PlanOptions.up());
        assertThat(plan.steps())
                .extracting(Step::op)
                .containsExactly(new Operation.WaitForCondition("cache", DependencyCondition.SERVICE_HEALTHY, false));
        assertThat(plan.steps().getFirst().dependsOn()).isEmpty();
    }

    @Test
    void recreateUsesTheServiceStopGracePeriodUnlessATimeoutIsGiven() {
        ObservedState stale = with(running("cache", 1, "old"), running("app", 1, PAIR.configHash("app")));
        Operation recreate =
                Planner.plan(PAIR, stale, PlanOptions.up()).steps().getFirst().op();
        assertThat(recreate)
                .isEqualTo(new Operation.RecreateContainer(
                        "cache", 1, "p-cache-1", "p-cache-1", PAIR.configHash("cache"), Duration.ofSeconds(20)));
        Operation forced = Planner.plan(PAIR, stale, PlanOptions.up().withTimeout(Duration.ofSeconds(2)))
                .steps()
                .getFirst()
                .op();
        assertThat(((Operation.RecreateContainer) forced).timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void appWithoutRestartIsNotStoppedWhenItsDependencyIsRecreated() {
        Plan<Operation> plan = Planner.plan(
                PAIR, with(running("cache", 1, "old"), running("app", 1, PAIR.configHash("app"))), PlanOptions.up());
        assertThat(plan.steps())
                .extracting(Step::id)
                .containsExactly("recreate:p-cache-1", "start:p-cache-1", "wait:cache:healthy:optional");
    }

    @Test
    void noStartOnAnUpToDateProjectIsEmpty() {
        Plan<Operation> plan = Planner.plan(
                PAIR,
                with(running("cache", 1, PAIR.configHash("cache")), running("app", 1, PAIR.configHash("app"))),
                PlanOptions.up().withNoStart(true));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.render(Operation::describe)).isEmpty();
    }

    @Test
    void downOfNothingIsEmpty() {
        Plan<Operation> plan =
                Planner.plan(PAIR, ObservedState.EMPTY, PlanOptions.down().withRemoveVolumes(true));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void downUsesTheGivenTimeoutForEveryStop() {
        Plan<Operation> plan = Planner.plan(
                PAIR,
                with(running("cache", 1, "x"), running("app", 1, "y")),
                PlanOptions.down().withTimeout(Duration.ZERO));
        assertThat(plan.steps())
                .extracting(Step::op)
                .containsExactly(
                        new Operation.StopContainer("app", 1, "p-app-1", Duration.ZERO),
                        new Operation.RemoveContainer("app", 1, "p-app-1", false),
                        new Operation.StopContainer("cache", 1, "p-cache-1", Duration.ZERO),
                        new Operation.RemoveContainer("cache", 1, "p-cache-1", false));
    }

    @Test
    void samePlanTwice() {
        ObservedState o = with(running("cache", 1, "old"), running("app", 2, "old"));
        assertThat(Planner.plan(PAIR, o, PlanOptions.up())).isEqualTo(Planner.plan(PAIR, o, PlanOptions.up()));
    }

    @Test
    void convergenceKeepsLowNumbersAndRemovesObsoleteFirst() {
        ObservedState o = with(
                running("app", 1, "old"),
                running("app", 2, PAIR.configHash("app")),
                running("app", 5, PAIR.configHash("app")));
        Convergence c = new Convergence(PAIR, o);
        assertThat(c.decide("app", 2, Recreate.DIVERGED))
                .extracting(Fate::number, Fate::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, Fate.Action.KEEP),
                        org.assertj.core.groups.Tuple.tuple(5, Fate.Action.KEEP),
                        org.assertj.core.groups.Tuple.tuple(1, Fate.Action.REMOVE));
        assertThat(c.decide("app", 4, Recreate.DIVERGED))
                .extracting(Fate::number, Fate::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Fate.Action.RECREATE),
                                org.assertj.core.groups.Tuple.tuple(2, Fate.Action.KEEP),
                        org.assertj.core.groups.Tuple.tuple(3, Fate.Action.CREATE),
                                org.assertj.core.groups.Tuple.tuple(5, Fate.Action.KEEP));
        assertThat(c.decide("app", 1, Recreate.NEVER))
                .extracting(Fate::number, Fate::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Fate.Action.KEEP),
                        org.assertj.core.groups.Tuple.tuple(2, Fate.Action.REMOVE),
                        org.assertj.core.groups.Tuple.tuple(5, Fate.Action.REMOVE));
        assertThat(c.decide("app", 0, Recreate.FORCE))
                .allMatch(f -> f.action() == Fate.Action.REMOVE)
                .hasSize(3);
    }

    @Test
    void imageChangeNeedsAKnownImageOnBothSides() {
        ObservedContainer onOld = new ObservedContainer(
                "p-app-1",
                "p",
                "app",
                1,
                false,
                PAIR.configHash("app"),
                "sha256:old",
                ContainerState.RUNNING,
                0,
                Health.NONE);
        ObservedContainer unknown = new ObservedContainer(
                "p-app-1", "p", "app", 1, false, PAIR.configHash("app"), null, ContainerState.RUNNING, 0, Health.NONE);
        assertThat(new Convergence(PAIR, with(onOld)).obsolete("app", onOld, Recreate.DIVERGED))
                .isTrue();
        assertThat(new Convergence(PAIR, with(unknown)).obsolete("app", unknown, Recreate.DIVERGED))
                .isFalse();
        ObservedState noImages = new ObservedState(List.of(onOld), null, null, null);
        assertThat(new Convergence(PAIR, noImages).obsolete("app", onOld, Recreate.DIVERGED))
                .isFalse();
    }

    @Test
    void desiredProjectDerivesNamesAndImages() {
        DesiredProject d = DesiredProject.of(ModelJson.read("""
                {"name": "b", "services": {"app": {"build": {"context": "/src"}, "command": null, "entrypoint": null},
                  "named": {"image": "x", "container_name": "fixed", "command": null, "entrypoint": null}}}"""), Set.of("debug"));
        assertThat(d.image("app")).isEqualTo("b-app");
        assertThat(d.image("named")).isEqualTo("x");
        assertThat(d.containerName("app", 3)).isEqualTo("b-app-3");
        assertThat(d.containerName("named", 1)).isEqualTo("fixed");
        assertThat(d.declares("debug")).isTrue();
        assertThat(d.declares("app")).isTrue();
        assertThat(d.declares("gone")).isFalse();
        assertThat(d.configHash("app")).hasSize(64);
        assertThat(d.graph().startOrder()).containsExactly("app", "named");
    }

    @Test
    void pullPolicies() {
        assertThat(PullPolicy.parse("always")).isEqualTo(PullPolicy.ALWAYS);
        assertThat(PullPolicy.parse("missing")).isEqualTo(PullPolicy.MISSING);
        assertThat(PullPolicy.parse("if_not_present")).isEqualTo(PullPolicy.MISSING);
        assertThat(PullPolicy.parse("never")).isEqualTo(PullPolicy.NEVER);
        assertThat(PullPolicy.parse("build")).isEqualTo(PullPolicy.BUILD);
        assertThat(PullPolicy.parse("daily")).isEqualTo(PullPolicy.MISSING);
        assertThat(PullPolicy.parse("every_12h")).isEqualTo(PullPolicy.MISSING);
        assertThatThrownBy(() -> PullPolicy.parse("sometimes"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("invalid pull policy: sometimes")
                .satisfies(e -> assertThat(((JcomposeException) e).exitCode()).isEqualTo(ExitCode.COMMAND_SYNTAX));
    }

    @Test
    void servicePullPolicyNeverWithoutTheImageFailsWithPullExitCode() {
        DesiredProject d = DesiredProject.of(ModelJson.read("""
                {"name": "n", "services": {"app": {"image": "gone:1", "pull_policy": "never",
                  "command": null, "entrypoint": null}}}"""));
        assertThatThrownBy(() -> Planner.plan(d, ObservedState.EMPTY, PlanOptions.up()))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("image gone:1 for service app is not present locally and its pull policy is never")
                .satisfies(e -> assertThat(((JcomposeException) e).exitCode()).isEqualTo(ExitCode.PULL));
        assertThat(Planner.plan(d, ObservedState.EMPTY, PlanOptions.up().withPull(PullPolicy.MISSING))
                        .steps())
                .extracting(Step::id)
                .startsWith("pull:gone:1");
    }

    @Test
    void planOptionsDefaultsAndWithers() {
        PlanOptions up = PlanOptions.up();
        assertThat(up.command()).isEqualTo(PlanOptions.Command.UP);
        assertThat(up.recreate()).isEqualTo(Recreate.DIVERGED);
        assertThat(up.services()).isEmpty();
        assertThat(up.pull()).isNull();
        assertThat(up.timeout()).isNull();
        PlanOptions o =
                up.withServices(List.of("b", "a"), true).withScale("a", 3).withNoStart(true);
        assertThat(o.services()).containsExactly("a", "b");
        assertThat(o.noDeps()).isTrue();
        assertThat(o.scale()).containsEntry("a", 3);
        assertThat(o.noStart()).isTrue();
        assertThat(PlanOptions.down().command()).isEqualTo(PlanOptions.Command.DOWN);
    }

    @Test
    void planRejectsBadStepOrder() {
        Operation op = new Operation.WaitForCondition("db", DependencyCondition.SERVICE_HEALTHY, true);
        assertThatThrownBy(() -> new Plan<>(
                        List.of(new Step<>("b", op, List.of("a")), new Step<>("a", op, List.of())), List.of()))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step \"b\" depends on \"a\", not an earlier step");
        assertThatThrownBy(() ->
                        new Plan<>(List.of(new Step<>("a", op, List.of()), new Step<>("a", op, List.of())), List.of()))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step \"a\" is defined twice");
    }

    @Test
    void operationTexts() {
        assertThat(new Operation.CreateNetwork("back", "p_back", "h").describe())
                .isEqualTo("create network p_back (back)");
        assertThat(new Operation.RemoveNetwork("back", "p_back").describe()).isEqualTo("remove network p_back (back)");
        assertThat(new Operation.CreateVolume("d", "p_d", "h").describe()).isEqualTo("create volume p_d (d)");
        assertThat(new Operation.RemoveVolume("d", "p_d").describe()).isEqualTo("remove volume p_d (d)");
        assertThat(new Operation.PullImage("a:1", List.of("x", "y")).describe()).isEqualTo("pull image a:1 for x, y");
        assertThat(new Operation.BuildImage("x", "p-x").describe()).isEqualTo("build image p-x for x");
        assertThat(new Operation.CreateContainer("x", 2, "p-x-2", "0123456789abcdef").describe())
                .isEqualTo("create container p-x-2 (x #2, config 0123456789ab)");
        assertThat(new Operation.RecreateContainer("x", 1, "p-x-1", "p-x-1", null, Duration.ofMinutes(1)).describe())
                .isEqualTo("recreate container p-x-1 (x #1, config none, stop timeout 1m0s)");
        assertThat(new Operation.StopContainer("x", 1, "p-x-1", null).describe())
                .isEqualTo("stop container p-x-1 (timeout default)");
        assertThat(new Operation.RemoveContainer("x", 1, "p-x-1", true).describe())
                .isEqualTo("remove container p-x-1 and its anonymous volumes");
        assertThat(new Operation.WaitForCondition("db", DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY, true)
                        .describe())
                .isEqualTo("wait until db is service_completed_successfully");
        assertThat(new Step<>("s", new Operation.StartContainer("x", 1, "p-x-1"), List.of("a", "b"))
                        .render(Operation::describe))
                .isEqualTo("s: start container p-x-1 [after a, b]");
    }

    @Test
    void pullAlwaysThenPlanAgainRecreatesWhatThePullUpdated() {
        ObservedState before = with(
                running("cache", 1, PAIR.configHash("cache")),
                new ObservedContainer(
                        "p-app-1",
                        "p",
                        "app",
                        1,
                        false,
                        PAIR.configHash("app"),
                        "sha256:a",
                        ContainerState.RUNNING,
                        0,
                        Health.NONE));
        PlanOptions options = PlanOptions.up().withPull(PullPolicy.ALWAYS);
        Plan<Operation> full = Planner.plan(PAIR, before, options);
        assertThat(Planner.imageSteps(full).steps()).extracting(Step::id).containsExactly("pull:app:1", "pull:redis");
        assertThat(full.steps()).extracting(Step::id).doesNotContain("recreate:p-app-1");
        // the pull brought a new app:1
        ObservedState pulled = new ObservedState(
                before.containers(),
                null,
                null,
                List.of(new ObservedImage("redis:latest", "sha256:r"), new ObservedImage("app:1", "sha256:a2")));
        Plan<Operation> second = Planner.plan(PAIR, pulled, options.afterImages());
        assertThat(second.steps())
                .extracting(Step::id)
                .containsExactly("recreate:p-app-1", "wait:cache:healthy:optional", "start:p-app-1");
        assertThat(options.afterImages().pull()).isEqualTo(PullPolicy.MISSING);
    }
}
