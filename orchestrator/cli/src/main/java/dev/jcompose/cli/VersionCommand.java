package dev.jcompose.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jcompose version}. */
@Command(name = "version", description = "Show the jcompose version information.")
public final class VersionCommand implements Runnable {
    @CommandLine.Option(names = "--short", description = "Print only the version number.")
    boolean shortForm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static String version() {
        return dev.jcompose.JcomposeVersion.current();
    }

    @Override
    public void run() {
        spec.commandLine().getOut().println(shortForm ? version() : "jcompose version " + version());
    }

    /** Feeds {@code jcompose --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jcompose version " + version()};
        }
    }
}
