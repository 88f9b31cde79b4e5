package dev.jcompose.ipam;

import dev.jcompose.JcomposeException;

/** An address could not be parsed, chosen or leased. */
public class IpamException extends JcomposeException {
    public IpamException(String message, String hint) {
        super(message, hint);
    }
}
