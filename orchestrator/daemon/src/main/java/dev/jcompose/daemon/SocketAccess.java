package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may talk to the engine besides its owner: the members of one group, as docker's socket does
 * with its {@code docker} group. Whoever can use the socket can run containers as root, so the
 * group is root-equivalent (the README says so). The group is {@code JCOMPOSE_SOCKET_GROUP} when
 * set (empty: owner only), else {@code jcompose} when the host has that group, else none; so every
 * engine an administrator's commands start serves the same users.
 *
 * @param group the group's principal; empty: the owner only
 * @param name  the group's name, for messages; empty when none
 */
public record SocketAccess(Optional<GroupPrincipal> group, String name) {
    public static final String VARIABLE = "JCOMPOSE_SOCKET_GROUP";
    static final String DEFAULT_GROUP = "jcompose";

    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> GROUP_DIRECTORY = PosixFilePermissions.fromString("rwxr-x---");

    public static SocketAccess ownerOnly() {
        return new SocketAccess(Optional.empty(), "");
    }

    public static SocketAccess fromEnvironment(Map<String, String> env) {
        String wanted = env.get(VARIABLE);
        if (wanted != null && wanted.isBlank()) {
            return ownerOnly();
        }
        String name = wanted != null ? wanted.strip() : DEFAULT_GROUP;
        try {
            GroupPrincipal group =
                    FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            return new SocketAccess(Optional.of(group), name);
        } catch (UserPrincipalNotFoundException e) {
            if (wanted == null) {
                return ownerOnly();
            }
            throw new JcomposeException(
                    VARIABLE + "=" + name + " names no group of this host",
                    "create it (groupadd " + name + ") and add the users who may run stacks (usermod -aG " + name
                            + " USER), or unset " + VARIABLE,
                    ExitCode.FAILURE);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot look up the socket group " + name + ": " + e.getMessage(),
                    "check /etc/group",
                    ExitCode.FAILURE,
                    e);
        }
    }

    Set<PosixFilePermission> directoryMode() {
        return group.isPresent() ? GROUP_DIRECTORY : OWNER_DIRECTORY;
    }

    Set<PosixFilePermission> socketMode() {
        return PosixFilePermissions.fromString(group.isPresent() ? "rw-rw----" : "rw-------");
    }

    /** Gives {@code path} this access: its mode, and its group when there is one. */
    void apply(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (group.isPresent()) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setGroup(group.get());
        }
        Files.setPosixFilePermissions(path, mode);
    }
}
