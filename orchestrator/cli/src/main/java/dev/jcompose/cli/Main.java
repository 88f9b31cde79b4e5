package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.host.HostAccess;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.LoadedProject;
import dev.jcompose.loader.ProjectLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jcompose} command line. */
@Command(
        name = "jcompose",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Define and run multi-container applications, without a Docker engine.",
        subcommands = {
            ConfigCommand.class,
            ConvertCommand.class,
            DeployCommand.class,
            UpCommand.class,
            DownCommand.class,
            CreateCommand.class,
            PsCommand.class,
            LogsCommand.class,
            ExecCommand.class,
            StartCommand.class,
            StopCommand.class,
            RestartCommand.class,
            KillCommand.class,
            PauseCommand.class,
            UnpauseCommand.class,
            RmCommand.class,
            PullCommand.class,
            BuildCommand.class,
            PushCommand.class,
            BuilderCommand.class,
            WatchCommand.class,
            ImagesCommand.class,
            PortCommand.class,
            TopCommand.class,
            WaitCommand.class,
            RunCommand.class,
            ScaleCommand.class,
            EventsCommand.class,
            ImageCommand.class,
            LsCommand.class,
            EngineCtlCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectFlags flags = new ProjectFlags();

    @CommandLine.Mixin
    DisplayFlags display = new DisplayFlags();

    /** The command's environment: given at construction, or bound once to a {@link Prepared} CLI. */
    private Environment host;

    /** Where compose commands run; tests replace it with a recording double. */
    final Backends backends;

    /** The CLI's clock: "2 minutes ago" in ps. */
    final dev.jcompose.host.Clock clock;

    /** Opens the compose service for one command. */
    @FunctionalInterface
    interface Backends {
        dev.jcompose.remote.ComposeBackends.Backend open(
                Map<String, String> env, java.util.function.Consumer<String> notices);
    }

    /**
     * What the CLI reads from its process: environment, working directory, standard input, whether
     * it runs on a terminal (stdin and stdout: the progress view, colours and exec/run's pseudo-TTY
     * depend on it), and whether its streams are the process's own file descriptors 0, 1 and 2
     * ({@code processStdio}: exec and run then hand them to the container's process; in tests the
     * streams are in-memory and the bytes are copied), and where the user's signals arrive: the
     * process's own, or a thin client's when the engine runs the command for it.
     */
    public record Environment(
            Map<String, String> variables,
            Path workingDir,
            InputStream stdin,
            boolean terminal,
            boolean processStdio,
            Signals signals) {
        public Environment(Map<String, String> variables, Path workingDir, InputStream stdin) {
            this(variables, workingDir, stdin, false);
        }

        public Environment(Map<String, String> variables, Path workingDir, InputStream stdin, boolean terminal) {
            this(variables, workingDir, stdin, terminal, false, new ProcessSignals());
        }

        public static Environment ofProcess() {
            return new Environment(
                    System.getenv(),
                    Path.of("").toAbsolutePath(),
                    System.in,
                    Terminal.attached(),
                    true,
                    new ProcessSignals());
        }
    }

    Environment host() {
        if (host == null) {
            throw new IllegalStateException("a prepared CLI runs only once bound to its command's environment");
        }
        return host;
    }

    /**
     * The machine's seams for the commands that work on the host themselves ({@code image}, {@code ls}):
     * made here, at the CLI's composition root, from the command's environment and clock.
     */
    HostAccess machine() {
        return new HostAccess(
                new ProcessCommandRunner(),
                clock,
                new java.util.TreeMap<>(host().variables()),
                dev.jcompose.host.ProcessTable.system());
    }

    Main(Environment host) {
        this(host, dev.jcompose.remote.ComposeBackends::open);
    }

    Main(Environment host, Backends backends) {
        this(host, backends, dev.jcompose.host.Clock.system());
    }

    /** @param clock what {@code ps} counts CREATED and STATUS times from (a fixed one in tests) */
    Main(Environment host, Backends backends, dev.jcompose.host.Clock clock) {
        this.host = host;
        this.backends = backends;
        this.clock = clock;
    }

    /** Loads the project named by the global flags; warnings go to stderr. */
    LoadedProject loadProject(boolean interpolate, List<String> targets) {
        return loadProject(new ProjectFlags(), interpolate, targets);
    }

    /** Loads the project named by the global flags plus {@code after}, the same flags given after the subcommand. */
    LoadedProject loadProject(ProjectFlags after, boolean interpolate, List<String> targets) {
        return loadProject(after, interpolate, targets, true);
    }

    /** {@code serviceEnvFiles} false reads no service env_file (config's listings, as docker compose). */
    LoadedProject loadProject(ProjectFlags after, boolean interpolate, List<String> targets, boolean serviceEnvFiles) {
        ProjectFlags flags = this.flags.with(after);
        PrintWriter err = spec.commandLine().getErr();
        Environment host = host();
        LoadOptions options = new LoadOptions(
                host.workingDir(),
                flags.files(),
                flags.projectDirectory(),
                flags.projectName(),
                flags.envFiles(),
                flags.profiles(),
                host.variables(),
                interpolate,
                targets,
                w -> err.println("WARN " + w));
        return ProjectLoader.standard(host.stdin()).load(options.withServiceEnvFiles(serviceEnvFiles));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(
                args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Environment.ofProcess()));
    }

    /** Runs the CLI with the given streams and process environment; returns the process exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Environment host) {
        return execute(new Main(host), args, out, err);
    }

    static int execute(Main main, String[] args, PrintWriter out, PrintWriter err) {
        return run(commandLine(main), args, out, err);
    }

    /**
     * A CLI built ahead of its command: picocli's model of the ~35 subcommands takes milliseconds to
     * build even in a warm JVM, which the engine pays before the command it runs for a thin client
     * unless one was built while it waited. Bound to one command's environment, run once.
     */
    public static final class Prepared {
        private final Main main;
        private final CommandLine commandLine;
        private boolean used;

        private Prepared(Main main) {
            this.main = main;
            this.commandLine = commandLine(main);
        }

        public static Prepared build() {
            return new Prepared(new Main(null));
        }

        /** Runs the command in {@code host} with the given streams; returns its exit code. */
        public int execute(String[] args, PrintWriter out, PrintWriter err, Environment host) {
            if (used) {
                throw new IllegalStateException("a prepared CLI runs one command");
            }
            used = true;
            main.host = host;
            return run(commandLine, args, out, err);
        }
    }

    private static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        addHelpOption(cl);
        // exec's and run's command starts at the first positional: its own flags are not jcompose's
        cl.getSubcommands().get("exec").setStopAtPositional(true);
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof JcomposeException je) {
                commandLine.getErr().println(je.describe());
                return je.exitCode();
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("jcompose: " + ex.getMessage());
            ex.getCommandLine()
                    .getErr()
                    .println("  hint: see 'jcompose " + commandPath(ex.getCommandLine()) + "--help'");
            return ExitCode.COMMAND_SYNTAX;
        });
        return cl;
    }

    private static int run(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    private static String commandPath(CommandLine cl) {
        String qualified = cl.getCommandSpec().qualifiedName(" ");
        String rest = qualified.startsWith("jcompose")
                ? qualified.substring("jcompose".length()).strip()
                : qualified;
        return rest.isEmpty() ? "" : rest + " ";
    }

    /** {@code -h/--help} on every subcommand (the top command has it from its standard mixin). */
    private static void addHelpOption(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            var spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help message and exit.")
                        .build());
            }
            addHelpOption(sub);
        }
    }
}
