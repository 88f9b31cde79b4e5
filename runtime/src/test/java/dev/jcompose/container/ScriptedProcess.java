package dev.jcompose.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a container's process does in an {@link InMemoryContainerRuntime}, as data: the lines it prints
 * when it starts (and again on every restart), whether it then exits by itself, how it answers signals,
 * and what its execs return. Immutable; each {@code withX}-style method returns a changed copy.
 *
 * <p>Signals: SIGKILL always ends it with 137. A trapped signal ends it with the trap's code, an ignored
 * one does nothing, any other ends it with 128 + the signal's number (a process with default handlers,
 * or under an init that forwards them). Execs not scripted succeed with no output.
 *
 * @param output    printed at each start, in order
 * @param exitCode  null: runs until a signal or {@link InMemoryContainerRuntime#exit} ends it; else exits
 *                  with this code right after printing
 * @param traps     signal name (SIGTERM) to the exit code it causes, or {@link #IGNORED}
 * @param execs     an exec's argv to its result
 */
public record ScriptedProcess(
        List<Output> output, Integer exitCode, Map<String, Integer> traps, Map<List<String>, ExecOutput> execs) {
    /** A trap value: the signal is ignored. */
    public static final int IGNORED = Integer.MIN_VALUE;

    public static final ExecOutput EXEC_DEFAULT = new ExecOutput(0, "", "");

    /** One line the process writes, on stdout or stderr. */
    public record Output(LogLine.Stream stream, String text) {}

    private static final Map<String, Integer> NUMBERS =
            Map.of("SIGHUP", 1, "SIGINT", 2, "SIGQUIT", 3, "SIGKILL", 9, "SIGUSR1", 10, "SIGUSR2", 12, "SIGTERM", 15);

    public ScriptedProcess {
        output = List.copyOf(output);
        traps = java.util.Collections.unmodifiableMap(new TreeMap<>(traps));
        execs = Map.copyOf(execs);
    }

    /** Runs until a signal ends it, printing nothing. */
    public static ScriptedProcess running() {
        return new ScriptedProcess(List.of(), null, Map.of(), Map.of());
    }

    /** Exits with {@code code} right after it starts. */
    public static ScriptedProcess exiting(int code) {
        return running().exitsWith(code);
    }

    public ScriptedProcess exitsWith(Integer code) {
        return new ScriptedProcess(output, code, traps, execs);
    }

    /** Also prints these lines on stdout when it starts. */
    public ScriptedProcess printing(String... lines) {
        return print(LogLine.Stream.STDOUT, lines);
    }

    /** Also prints these lines on stderr when it starts. */
    public ScriptedProcess printingErr(String... lines) {
        return print(LogLine.Stream.STDERR, lines);
    }

    private ScriptedProcess print(LogLine.Stream stream, String... lines) {
        List<Output> all = new ArrayList<>(output);
        for (String l : lines) {
            all.add(new Output(stream, l));
        }
        return new ScriptedProcess(all, exitCode, traps, execs);
    }

    /** {@code signal} (a name, with or without SIG, or a number) ends it with {@code code}. */
    public ScriptedProcess trapping(String signal, int code) {
        Map<String, Integer> t = new TreeMap<>(traps);
        t.put(signalName(signal), code);
        return new ScriptedProcess(output, exitCode, t, execs);
    }

    /** {@code signal} does nothing (SIGKILL cannot be ignored). */
    public ScriptedProcess ignoring(String signal) {
        return trapping(signal, IGNORED);
    }

    /** An exec of exactly {@code argv} returns {@code result}. */
    public ScriptedProcess execs(List<String> argv, ExecOutput result) {
        Map<List<String>, ExecOutput> e = new java.util.HashMap<>(execs);
        e.put(List.copyOf(argv), result);
        return new ScriptedProcess(output, exitCode, traps, e);
    }

    ExecOutput exec(ExecRequest req) {
        return execs.getOrDefault(req.args(), EXEC_DEFAULT);
    }

    /** The exit code {@code signal} causes, or empty if the process ignores it. */
    java.util.Optional<Integer> onSignal(String signal) {
        String name = signalName(signal);
        if (name.equals("SIGKILL")) {
            return java.util.Optional.of(137);
        }
        Integer trap = traps.get(name);
        if (trap == null) {
            return java.util.Optional.of(terminatedBy(name));
        }
        return trap == IGNORED ? java.util.Optional.empty() : java.util.Optional.of(trap);
    }

    /** The exit code of a process the signal's default action ended: 128 + its number. */
    static int terminatedBy(String signal) {
        return 128 + NUMBERS.get(signalName(signal));
    }

    /** SIGTERM for "SIGTERM", "TERM", "term" or "15"; an unknown signal is refused as runc refuses it. */
    static String signalName(String signal) {
        String s = signal.strip().toUpperCase(Locale.ROOT);
        if (s.matches("\\d+")) {
            int n = Integer.parseInt(s);
            return NUMBERS.entrySet().stream()
                    .filter(e -> e.getValue() == n)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> unknown(signal));
        }
        String name = s.startsWith("SIG") ? s : "SIG" + s;
        if (!NUMBERS.containsKey(name)) {
            throw unknown(signal);
        }
        return name;
    }

    private static ContainerException unknown(String signal) {
        return new ContainerException(
                "unknown signal " + signal, "use one of " + new TreeMap<>(NUMBERS).keySet() + " or its number");
    }
}
