package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.console.LsFormatter;
import dev.jcompose.console.ProjectView;
import dev.jcompose.container.ContainerHost;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.host.HostAccess;
import dev.jcompose.observe.Labels;
import dev.jcompose.state.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcompose ls}: the projects that have containers on this host, from the containers' labels
 * (read in the CLI process from the runtime's state; the engine is not needed). CONFIG FILES are
 * the {@code com.docker.compose.project.config_files} labels of its containers, each file once, in
 * the order of the containers' names and of the files in each label.
 */
@Command(name = "ls", description = "List running compose projects.")
final class LsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-a", "--all"},
            description = "Show all stopped Compose projects.")
    boolean all;

    @Option(
            names = {"-q", "--quiet"},
            description = "Only display project names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "table|json", description = "Format the output: table (default) or json.")
    String format = "table";

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw Usage.error("unsupported --format \"" + format + "\"", "use --format table or --format json");
        }
        HostAccess machine = main.machine();
        List<ContainerRecord> containers = new ContainerHost(
                        machine.paths(),
                        machine.runner(),
                        machine.clock(),
                        ContainerHost.Settings.defaults(machine.environment()))
                .containers()
                .list();
        List<ProjectView> projects = projects(containers, all);
        spec.commandLine()
                .getOut()
                .print(
                        quiet
                                ? LsFormatter.quiet(projects)
                                : format.equals("json") ? LsFormatter.json(projects) : LsFormatter.table(projects));
        spec.commandLine().getOut().flush();
        return ExitCode.SUCCESS;
    }

    /** Projects by name with their container counts per state; without {@code all}, only those with one running. */
    static List<ProjectView> projects(List<ContainerRecord> containers, boolean all) {
        SortedMap<String, Map<ContainerState, Integer>> byProject = new TreeMap<>();
        Map<String, java.util.LinkedHashSet<String>> files = new TreeMap<>();
        for (ContainerRecord c : containers.stream()
                .sorted(java.util.Comparator.comparing(ContainerRecord::name))
                .toList()) {
            String project = c.labels().get(Labels.PROJECT);
            if (project == null) {
                continue;
            }
            byProject.computeIfAbsent(project, p -> new TreeMap<>()).merge(c.state(), 1, Integer::sum);
            java.util.LinkedHashSet<String> projectFiles =
                    files.computeIfAbsent(project, p -> new java.util.LinkedHashSet<>());
            String label = c.labels().get(Labels.CONFIG_FILES);
            if (label != null) {
                java.util.Arrays.stream(label.split(","))
                        .filter(f -> !f.isEmpty())
                        .forEach(projectFiles::add);
            }
        }
        List<ProjectView> out = new ArrayList<>();
        byProject.forEach((name, states) -> {
            if (all || states.getOrDefault(ContainerState.RUNNING, 0) > 0) {
                out.add(new ProjectView(name, states, List.copyOf(files.get(name))));
            }
        });
        return out;
    }
}
