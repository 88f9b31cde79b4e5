package dev.jcompose.container;

import dev.jcompose.oci.RuntimeSpec;
import dev.jcompose.oci.UserResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process an exec runs, as a pure function of the container's bundle spec and the request: the
 * container's capabilities, rlimits, no_new_privileges and environment, with the request's args,
 * extra environment (last wins), user (resolved in the container's /etc/passwd) and working dir.
 */
public final class ExecProcess {
    private ExecProcess() {}

    /** {@code terminal}: the process gets a pseudo-TTY (runc allocates it in the foreground). */
    public static RuntimeSpec.Process of(RuntimeSpec spec, ExecRequest req, boolean terminal) {
        RuntimeSpec.Process base = spec.process();
        RuntimeSpec.User user = req.user() == null
                ? base.user()
                : UserResolver.of(Path.of(spec.root().path())).resolve(req.user(), List.of());
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : base.env()) {
            int eq = kv.indexOf('=');
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (terminal && !env.containsKey("TERM")) {
            env.put("TERM", "xterm"); // what docker sets for a tty exec: full-screen programs need a terminal type
        }
        env.putAll(req.env());
        return new RuntimeSpec.Process(
                terminal,
                user,
                req.args(),
                env.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList(),
                req.workingDir() != null ? req.workingDir() : base.cwd(),
                base.capabilities(),
                base.rlimits(),
                base.noNewPrivileges());
    }
}
