package dev.jcompose.host;

/**
 * The seam through which jcompose runs host programs ({@code ip}, {@code iptables-restore},
 * {@code runc}, {@code conmon}...). Production code gets a {@link ProcessCommandRunner}; tests of
 * planning logic get a recording fake, and one contract suite runs against both.
 */
public interface CommandRunner {
    /** Runs the command to completion. Never throws for a non-zero exit; see {@link CommandResult#orThrow()}. */
    CommandResult run(Command command);
}
