package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ComposeService;
import dev.jcompose.loader.LoadedProject;
import dev.jcompose.remote.ComposeBackends;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * What every compose command shares: the global flags (through {@link Main}), the output writers,
 * the project, and a {@link ComposeService} opened for the command and closed after it.
 */
abstract class ComposeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The project the global flags name, restricted to {@code services} (and their dependencies). */
    LoadedProject load(List<String> services) {
        LoadedProject loaded = main.loadProject(true, services);
        // secrets/configs from `environment:` carry their value to the engine (see FileObjectValues)
        return new LoadedProject(
                loaded.raw(),
                loaded.canonical(),
                dev.jcompose.model.FileObjectValues.resolve(
                        loaded.project(), loaded.raw().environment()));
    }

    /**
     * {@code --compatibility}, or {@code COMPOSE_COMPATIBILITY} true in the project environment (the
     * shell or {@code .env}): containers are named with {@code _}, as docker-compose v1 named them.
     */
    boolean compatibility(LoadedProject loaded) {
        String value = loaded.raw()
                .environment()
                .get("COMPOSE_COMPATIBILITY")
                .orElse("")
                .toLowerCase(java.util.Locale.ROOT);
        return main.flags.compatibility() || value.equals("true") || value.equals("1") || value.equals("t");
    }

    /**
     * The project for a command on existing containers (ps, logs, exec, down...): no service's
     * {@code env_file} is read, as docker compose reads none for them, so a missing one does not
     * stop them; the commands that create containers use {@link #load}, which does.
     */
    LoadedProject loadWithoutEnvFiles(List<String> services) {
        return main.loadProject(new ProjectFlags(), true, services, false);
    }

    /**
     * The project's name: from its compose file, or from {@code -p} alone when there is no compose
     * file (like compose, {@code jcompose -p shop ps} works from any directory).
     */
    String projectName() {
        return projectName(List.of());
    }

    /**
     * {@link #projectName()}, refusing a service the compose file does not define as docker compose
     * does ({@code no such service: NAME}, exit 1) before anything runs; with {@code -p} and no
     * compose file there is nothing to check them against, and the labels decide.
     */
    String projectName(List<String> services) {
        try {
            return loadWithoutEnvFiles(services).project().name();
        } catch (JcomposeException e) {
            if (e.exitCode() == ExitCode.FILE_NOT_FOUND && main.flags.projectName() != null) {
                return main.flags.projectName();
            }
            throw e;
        }
    }

    /** Runs {@code work} with the compose service of this host (the engine, or in process). */
    <T> T withService(Function<ComposeService, T> work) {
        try (ComposeBackends.Backend backend = main.backends.open(main.host().variables(), this::notice)) {
            return work.apply(backend.service());
        }
    }

    /** Like {@link #withService} with a progress view titled {@code title} on stderr. */
    void withProgress(
            String title, java.util.function.BiConsumer<ComposeService, dev.jcompose.api.StackListener> work) {
        withService(service -> {
            try (ProgressOutput progress = progress(title)) {
                work.accept(service, progress.listener());
            }
            return null;
        });
    }

    ProgressOutput progress(String title) {
        return new ProgressOutput(err(), main.clock, main.display, main.host().terminal(), title);
    }

    void notice(String text) {
        err().println(text);
        err().flush();
    }

    static java.time.Duration seconds(Integer timeout) {
        return timeout == null ? null : java.time.Duration.ofSeconds(timeout);
    }
}
