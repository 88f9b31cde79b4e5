package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.daemon.EngineInfo;
import dev.jcompose.remote.ComposeBackends;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jcompose engine start|status|stop}: the host's background engine. Stopping it leaves containers
 * running (they run under conmon); the next command starts a new engine that adopts them.
 */
@Command(
        name = "engine",
        description = "Start, show or stop the background engine (containers keep running).",
        subcommands = {EngineCtlCommand.Start.class, EngineCtlCommand.Status.class, EngineCtlCommand.Stop.class})
final class EngineCtlCommand implements Runnable {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "start",
            description = "Start the engine if none runs (any command does); with JCOMPOSE_SOCKET_GROUP set,"
                    + " or a 'jcompose' group on the host, that group's members may use it.")
    static final class Start implements Callable<Integer> {
        @CommandLine.ParentCommand
        EngineCtlCommand engine;

        @Override
        public Integer call() {
            java.util.Map<String, String> env = engine.main.host().variables();
            try (var client = ComposeBackends.launcher(env).ensureRunning()) {
                EngineInfo info = client.info();
                engine.spec.commandLine().getOut().println("engine pid " + info.pid() + ", build " + info.build());
            }
            engine.spec.commandLine().getOut().flush();
            return ExitCode.SUCCESS;
        }
    }

    @Command(name = "status", description = "Print the running engine's pid and version; exit 1 when none runs.")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        EngineCtlCommand engine;

        @Override
        public Integer call() {
            Optional<EngineInfo> info =
                    ComposeBackends.engineInfo(engine.main.host().variables());
            CommandLine cl = engine.spec.commandLine();
            if (info.isEmpty()) {
                cl.getOut().println("no engine is running");
                cl.getOut().flush();
                return ExitCode.FAILURE;
            }
            cl.getOut()
                    .println("engine pid " + info.get().pid() + ", version "
                            + info.get().version() + ", protocol " + info.get().protocol() + ", build "
                            + info.get().build());
            cl.getOut().flush();
            return ExitCode.SUCCESS;
        }
    }

    @Command(name = "stop", description = "Stop the running engine, if any.")
    static final class Stop implements Callable<Integer> {
        @CommandLine.ParentCommand
        EngineCtlCommand engine;

        @Override
        public Integer call() {
            boolean stopped = ComposeBackends.shutdownEngine(engine.main.host().variables());
            engine.spec.commandLine().getOut().println(stopped ? "engine stopped" : "no engine is running");
            engine.spec.commandLine().getOut().flush();
            return ExitCode.SUCCESS;
        }
    }
}
