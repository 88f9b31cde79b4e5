package dev.jcompose.settings;

import java.util.Objects;

/**
 * One service setting jcompose does not apply: {@code refused} ones stop the command, the others
 * are reported once as a warning.
 *
 * @param key    the compose key, e.g. {@code security_opt}
 * @param detail what is not applied and why, e.g. {@code 'apparmor:my-profile' is not applied}
 */
public record SettingFinding(String service, String key, boolean refused, String detail) {
    public SettingFinding {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(detail, "detail");
    }

    /** The warning or error line: {@code service "web": devices is not supported yet and is ignored}. */
    public String message() {
        return "service \"" + service + "\": " + key + " " + detail;
    }
}
