package dev.jcompose.nat;

import dev.jcompose.JcomposeException;

/** A port could not be published or the firewall rules could not be applied. */
public class NatException extends JcomposeException {
    public NatException(String message, String hint) {
        super(message, hint);
    }
}
