package dev.jcompose.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.host.Command;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The OCI runtime's command line (runc and crun share it), with jcompose's own state root. */
public final class RuntimeCli {
    private final CommandRunner runner;
    private final OciRuntime runtime;
    private final Path root;

    public RuntimeCli(CommandRunner runner, OciRuntime runtime, Path root) {
        this.runner = runner;
        this.runtime = runtime;
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public OciRuntime runtime() {
        return runtime;
    }

    public Command command(String... args) {
        List<String> argv = new ArrayList<>(List.of(runtime.path().toString(), "--root", root.toString()));
        argv.addAll(List.of(args));
        return Command.of(argv);
    }

    public CommandResult run(String... args) {
        return runner.run(command(args));
    }

    /** The runtime's status ("created", "running", "paused", "stopped"), or empty if it does not know the id. */
    public Optional<String> status(String id) {
        CommandResult r = run("state", id);
        if (!r.ok()) {
            return Optional.empty();
        }
        try {
            JsonNode n = StateStore.JSON.readTree(r.stdout());
            return Optional.of(n.path("status").asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void require(CommandResult r, String what, String name) {
        if (!r.ok()) {
            throw new ContainerException(
                    "cannot " + what + " container " + name + ": " + lastLine(r.stderr()),
                    "see `" + r.command().display() + "`");
        }
    }

    /** The last error-level message of a runtime's JSON log ({@code --log-format=json}), if it logged one. */
    public static java.util.Optional<String> loggedError(Path runtimeLog) {
        try {
            String msg = null;
            for (String l : Files.readAllLines(runtimeLog)) {
                try {
                    JsonNode n = StateStore.JSON.readTree(l);
                    if (n.path("level").asText().equals("error")) {
                        msg = n.path("msg").asText();
                    }
                } catch (IOException notJson) {
                    msg = l;
                }
            }
            return java.util.Optional.ofNullable(msg);
        } catch (IOException e) {
            return java.util.Optional.empty(); // unreadable: nothing to tell
        }
    }

    /** The last error the runtime logged in JSON form ({@code --log-format=json}), or why there is none. */
    public static String lastError(Path runtimeLog) {
        if (!Files.exists(runtimeLog)) {
            return "no runtime log";
        }
        return loggedError(runtimeLog).orElse("no error logged");
    }

    static String lastLine(String s) {
        List<String> lines = s.strip().lines().toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
