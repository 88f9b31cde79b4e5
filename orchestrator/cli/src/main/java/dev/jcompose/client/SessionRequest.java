package dev.jcompose.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a thin client sends to run one command in the engine: the wire version, its build (a
 * command is run only by an engine of the same build, which has the same CLI), the arguments, the
 * working directory and environment they are read against, and whether its stdin and stdout are a
 * terminal (as {@code System.console().isTerminal()} tells the CLI).
 */
public record SessionRequest(
        int version, String build, List<String> args, String workingDir, Map<String, String> env, boolean terminal) {
    public SessionRequest {
        args = List.copyOf(args);
        env = new TreeMap<>(env);
    }

    public byte[] encode() {
        SessionWire.Fields f = new SessionWire.Fields().add(version).add(build).add(args.size());
        // loops, not lambdas: the client's start pays for every lambda it links
        for (String a : args) {
            f.add(a);
        }
        f.add(workingDir).add(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            f.add(e.getKey()).add(e.getValue());
        }
        return f.add(terminal).bytes();
    }

    public static SessionRequest decode(byte[] payload) throws IOException {
        SessionWire.FieldReader r = new SessionWire.FieldReader(payload);
        int version = r.integer();
        if (version != SessionWire.VERSION) {
            throw new IOException("session wire version " + version + ", this engine speaks " + SessionWire.VERSION);
        }
        String build = r.string();
        List<String> args = new ArrayList<>();
        for (int i = r.integer(); i > 0; i--) {
            args.add(r.string());
        }
        String cwd = r.string();
        Map<String, String> env = new TreeMap<>();
        for (int i = r.integer(); i > 0; i--) {
            env.put(r.string(), r.string());
        }
        return new SessionRequest(version, build, args, cwd, env, r.bool());
    }
}
