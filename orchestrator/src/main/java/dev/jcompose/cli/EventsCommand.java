package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose events}: not supported yet. */
@Command(name = "events", description = "Receive real time events from containers (not supported yet).")
final class EventsCommand extends ComposeCommand {
    @Option(names = "--json", description = "Output events as a stream of json objects.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        throw Usage.notSupported("jcompose events", "use `jcompose ps` and `jcompose logs -f` to watch containers");
    }
}
