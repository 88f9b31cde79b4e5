package dev.jcompose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose ls}: not supported yet (the engine has no project listing yet). */
@Command(name = "ls", description = "List running compose projects (not supported yet).")
final class LsCommand extends ComposeCommand {
    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display project names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "table|json", description = "Format the output.")
    String format = "table";

    @Override
    public Integer call() {
        throw Usage.notSupported("jcompose ls", "use `jcompose -p NAME ps -a` for one project");
    }
}
