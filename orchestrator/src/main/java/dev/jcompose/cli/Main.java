package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jcompose} command line. */
@Command(name = "jcompose", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Define and run multi-container applications, without a Docker engine.",
        subcommands = {VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the process exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof JcomposeException je) {
                commandLine.getErr().println(je.describe());
                return je.exitCode();
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("jcompose: " + ex.getMessage());
            ex.getCommandLine().getErr().println("  hint: see 'jcompose " + commandPath(ex.getCommandLine()) + "--help'");
            return ExitCode.COMMAND_SYNTAX;
        });
        return cl.execute(args);
    }

    private static String commandPath(CommandLine cl) {
        String qualified = cl.getCommandSpec().qualifiedName(" ");
        String rest = qualified.startsWith("jcompose") ? qualified.substring("jcompose".length()).strip() : qualified;
        return rest.isEmpty() ? "" : rest + " ";
    }
}
