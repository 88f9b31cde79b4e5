package dev.jcompose.settings;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.List;
import java.util.stream.Collectors;

/** A service asks for confinement jcompose cannot give; running it without would be less safe than asked. */
public final class UnsupportedSettingException extends JcomposeException {
    public UnsupportedSettingException(List<SettingFinding> refused) {
        super(
                refused.stream().map(SettingFinding::message).collect(Collectors.joining("; ")),
                "remove the setting (the container would run less confined than it asks), or run the stack with docker",
                ExitCode.FAILURE);
    }
}
