package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose run}: not supported yet (one-off containers need the engine's run support). */
@Command(name = "run", description = "Run a one-off command on a service (not supported yet).")
final class RunCommand extends ComposeCommand {
    @Parameters(arity = "0..*", paramLabel = "ARGS")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        throw Usage.notSupported("jcompose run", "start the service with `jcompose up -d SERVICE` and use `jcompose exec`");
    }
}
