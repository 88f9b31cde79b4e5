package dev.jcompose.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.jcompose.container.ExecRecipe;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of the README ("Layout"), checked on the compiled main classes of every module
 * (this test lives in the CLI module, whose test class path holds them all). Maven's module graph
 * already keeps a lower module from compiling against a higher one; these rules add what it cannot
 * see: the CLI reaching into the engine it only has on its class path through the daemon, the
 * OS seams reached for below a composition root, a second Vert.x.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.all();
    }

    /** The layers, bottom up; each names its packages (dev.jcompose.&lt;name&gt; and below). */
    static LayeredArchitecture layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Host")
                .definedBy("dev.jcompose", "dev.jcompose.host..", "dev.jcompose.state..", "dev.jcompose.policy..")
                .layer("Runtime")
                .definedBy(packages(
                        "image", "content", "rootfs", "oci", "container", "cgroup", "archive", "dockerfile", "build"))
                .layer("Network")
                .definedBy(packages("bridge", "ipam", "endpoint", "nat", "dns", "network"))
                .layer("Compose")
                .definedBy(packages(
                        "yaml",
                        "interpolation",
                        "environment",
                        "merge",
                        "loader",
                        "schema",
                        "model",
                        "config",
                        "quantity",
                        "graph",
                        "settings"))
                .layer("Api")
                .definedBy(packages("api"))
                .layer("Reconcile")
                .definedBy(packages("observe", "plan"))
                .layer("Kube")
                .definedBy(packages("kube"))
                .layer("Engine")
                .definedBy(packages("execute", "health", "restart", "engine", "stack", "volume", "lease"))
                .layer("Daemon")
                .definedBy(packages("daemon", "remote"))
                .layer("Cli")
                .definedBy(packages("cli", "client", "console", "progress", "watch"))
                // the engine running thin clients' commands: the one place the CLI and the engine meet
                .layer("Session")
                .definedBy(packages("session"))
                .layer("Fixtures")
                .definedBy(packages("fixtures"))
                .layer("Junit")
                .definedBy(packages("junit"))
                .whereLayer("Session")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli")
                .mayOnlyBeAccessedByLayers("Session")
                .whereLayer("Junit")
                .mayNotBeAccessedByAnyLayer()
                // a test JVM's jcompose: the command API over the engine socket, never the engine itself
                .whereLayer("Fixtures")
                .mayOnlyBeAccessedByLayers("Junit")
                .whereLayer("Daemon")
                .mayOnlyBeAccessedByLayers("Cli", "Session", "Fixtures")
                // the engine's internals: only the daemon, which serves them, wires them
                .whereLayer("Engine")
                .mayOnlyBeAccessedByLayers("Daemon", "Session")
                // Kubernetes: the CLI converts and deploys; no engine layer reaches a cluster
                .whereLayer("Kube")
                .mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Reconcile")
                .mayOnlyBeAccessedByLayers("Engine", "Daemon", "Cli")
                .whereLayer("Api")
                .mayOnlyBeAccessedByLayers("Engine", "Daemon", "Cli", "Fixtures", "Junit")
                .whereLayer("Compose")
                .mayOnlyBeAccessedByLayers(
                        "Api", "Reconcile", "Kube", "Engine", "Daemon", "Cli", "Session", "Fixtures", "Junit")
                .whereLayer("Network")
                .mayOnlyBeAccessedByLayers("Engine", "Daemon")
                .whereLayer("Runtime")
                .mayOnlyBeAccessedByLayers("Api", "Engine", "Daemon", "Cli")
                // the one runtime type of the command API: an exec the CLI runs with its own terminal
                .ignoreDependency(resideInAPackage("dev.jcompose.api.."), equivalentTo(ExecRecipe.class));
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowItThatItIsAllowedTo() {
        layers().check(classes);
    }

    @Test
    void theReconcilerStaysPure() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("dev.jcompose.observe..", "dev.jcompose.plan..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.vertx..",
                        "java.nio.file..",
                        "java.net..",
                        "dev.jcompose.host..",
                        "java.lang.ProcessBuilder")
                .because("the planner is a pure function of (model, observed state, options): no I/O, no clock");
        rule.check(classes);
    }

    @Test
    void kubernetesUsesTheComposeModelAndTheHostOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.jcompose.kube..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(
                        "api",
                        "observe",
                        "plan",
                        "execute",
                        "health",
                        "restart",
                        "engine",
                        "stack",
                        "volume",
                        "daemon",
                        "remote",
                        "cli",
                        "console",
                        "progress",
                        "watch",
                        "client",
                        "session",
                        "image",
                        "container",
                        "network"))
                .because("the conversion and the deployer depend on the loaded model (compose) and host only")
                .check(classes);
    }

    @Test
    void theMachineIsReachedOnlyThroughSeamsMadeAtACompositionRoot() {
        noClasses()
                .that(outside(COMPOSITION_ROOTS))
                .should()
                .callMethodWhere(call(System.class, "getenv"))
                .because("the environment is injected (HostAccess, Main.Environment) from the composition root")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.jcompose.host..")
                .and(outside(COMPOSITION_ROOTS))
                .should()
                .callConstructor(dev.jcompose.host.ProcessCommandRunner.class)
                .because("the command runner is injected (HostAccess) so tests can replace it")
                .check(classes);
    }

    @Test
    void wallClockTimeComesFromTheClockSeam() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.jcompose.host..")
                .and(outside(COMPOSITION_ROOTS))
                .should()
                .callMethodWhere(call(java.time.Instant.class, "now"))
                .orShould()
                .callMethodWhere(call(dev.jcompose.host.Clock.class, "system"))
                .because("times are read from the injected Clock (HostAccess), so tests can fix them")
                .check(classes);
    }

    @Test
    void oneVertxPerProcessMadeByTheEngineContext() {
        noClasses()
                .that(outside(java.util.List.of("dev.jcompose.engine.EngineContext")))
                .should()
                .callMethodWhere(call(Vertx.class, "vertx"))
                .because("one Vert.x instance per process: everything runs on the EngineContext's")
                .check(classes);
    }

    /**
     * The engine holds the container runtime and the network layer by their interfaces
     * ({@code ContainerRuntime}, {@code NetworkLayer}); only the kernel's wiring names the real ones,
     * so the in-memory fakes can stand in for them everywhere else.
     */
    @Test
    void theKernelIsReachedOnlyThroughItsInterfaces() {
        noClasses()
                .that(outside(KERNEL_WIRING))
                .and()
                .resideOutsideOfPackages(packages(
                        "container",
                        "image",
                        "content",
                        "rootfs",
                        "oci",
                        "cgroup",
                        "archive",
                        "bridge",
                        "ipam",
                        "endpoint",
                        "nat",
                        "dns",
                        "network"))
                .should()
                .dependOnClassesThat(describe(
                        "are kernel implementations " + KERNEL_IMPLEMENTATIONS,
                        c -> KERNEL_IMPLEMENTATIONS.contains(c.getName())))
                .check(classes);
    }

    @Test
    void packagesAreNamedAfterDomainNouns() {
        noClasses()
                .should()
                .resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..misc..")
                .check(classes);
    }

    /** The real container runtime and network layer, behind ContainerRuntime and NetworkLayer. */
    private static final java.util.Set<String> KERNEL_IMPLEMENTATIONS = java.util.Set.of(
            "dev.jcompose.container.ConmonRuntime",
            "dev.jcompose.container.ContainerCreation",
            "dev.jcompose.container.ContainerRelease",
            "dev.jcompose.network.KernelNetworkLayer",
            "dev.jcompose.network.NetworkService",
            "dev.jcompose.network.EndpointService",
            "dev.jcompose.dns.DnsService",
            "dev.jcompose.dns.DnsRegistry",
            "dev.jcompose.dns.DnsServer");

    /** Where the engine's kernel is wired: the real runtime and network are built there only. */
    private static final java.util.List<String> KERNEL_WIRING =
            java.util.List.of("dev.jcompose.stack.StackKernel", "dev.jcompose.stack.StackSettings");

    /** Where a process wires itself: the CLI's and the engine's main classes, and a test JVM's (the fixture and the JUnit extension). */
    private static final java.util.List<String> COMPOSITION_ROOTS = java.util.List.of(
            "dev.jcompose.cli.Main",
            "dev.jcompose.client.ThinClient",
            "dev.jcompose.daemon.EngineMain",
            "dev.jcompose.fixtures.ComposeFixture",
            "dev.jcompose.junit.ComposeExtension");

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> outside(
            java.util.List<String> classNames) {
        return describe(
                "are not " + classNames,
                c -> classNames.stream()
                        .noneMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    private static String[] packages(String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = "dev.jcompose." + names[i] + "..";
        }
        return out;
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaCall<?>> call(Class<?> owner, String method) {
        return describe(
                owner.getSimpleName() + "." + method,
                c -> c.getTargetOwner().isEquivalentTo(owner)
                        && c.getTarget().getName().equals(method));
    }
}
