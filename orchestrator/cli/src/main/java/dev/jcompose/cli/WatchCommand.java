package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.UpOptions;
import dev.jcompose.loader.LoadedProject;
import dev.jcompose.model.Project;
import dev.jcompose.watch.WatchSession;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose watch}: {@code up} (unless {@code --no-up}), then syncs, restarts or rebuilds the
 * services as their {@code develop.watch} paths change, until Ctrl-C.
 */
@Command(
        name = "watch",
        description = "Watch build context for service and rebuild/refresh containers when files are updated.")
final class WatchCommand extends ComposeCommand {
    @Option(names = "--no-up", description = "Do not build & start services before watching.")
    boolean noUp;

    @Option(names = "--quiet", description = "Hide build output.")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        LoadedProject loaded = load(services);
        Project project = loaded.project();
        UpOptions options = UpOptions.defaults()
                .withServices(services, false)
                .withOrigin(
                        loaded.raw().configFiles(),
                        loaded.raw().projectDirectory().toString());
        return withService(compose -> {
            CliWatchOutput output = new CliWatchOutput(out(), err(), this::progress);
            WatchSession session = WatchSession.of(compose, project, services, options, main.clock, output);
            if (!noUp) {
                output.progress("Running", l -> compose.up(project, options, quiet ? e -> {} : l));
            }
            Thread self = Thread.currentThread();
            try (Signals.Trap trap = main.host().signals().trap(List.of("INT"), name -> self.interrupt())) {
                session.run();
            } finally {
                Thread.interrupted();
            }
            return ExitCode.CANCELED;
        });
    }
}
