package dev.jcompose.container;

import dev.jcompose.JcomposeException;
import dev.jcompose.state.ContainerState;

/** A container operation failed or is not allowed in the container's state. */
public class ContainerException extends JcomposeException {
    public ContainerException(String message, String hint) {
        super(message, hint);
    }

    public ContainerException(String message, String hint, Throwable cause) {
        super(message, hint, dev.jcompose.ExitCode.FAILURE, cause);
    }

    /** The id names no container: never created, or removed. */
    static ContainerException noSuch(String id) {
        return new ContainerException("no such container: " + id, "list containers with `jcompose ps -a`");
    }

    static ContainerException illegal(String op, ContainerRecord c, ContainerState now) {
        return new ContainerException(
                "cannot " + op + " container " + c.name() + ": it is " + now.text(),
                now == ContainerState.EXITED
                        ? "start it again (`jcompose start`), or remove it"
                        : "check its state with `jcompose ps`");
    }
}
