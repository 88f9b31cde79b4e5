package dev.jcompose.build;

import dev.jcompose.JcomposeException;
import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.oci.RuntimeSpec;
import dev.jcompose.oci.UserResolver;
import java.nio.file.Path;
import java.util.List;

/** The numeric owner COPY/ADD {@code --chown} gives what it writes. */
public record Ownership(int uid, int gid) {
    public static final Ownership ROOT = new Ownership(0, 0);

    /**
     * The owner {@code copy}'s {@code --chown} asks for, names looked up in the stage's {@code root}, or
     * null without {@code --chown}.
     *
     * @throws DockerfileException naming the instruction's line for an unknown user or group
     */
    public static Ownership of(Instruction.Copy copy, Path root) {
        if (copy.chown() == null || copy.chown().isEmpty()) {
            return null;
        }
        try {
            return resolve(copy.chown(), root);
        } catch (IllegalArgumentException e) {
            throw new DockerfileException(
                    copy.at(),
                    e.getMessage(),
                    "use numeric ids, or a user and group the image's /etc/passwd and /etc/group define");
        }
    }

    /**
     * Resolves {@code --chown=user[:group]} the way BuildKit does: numbers (and {@code root}) need no
     * lookup and a lone uid is also the gid; a user name is looked up in the image's /etc/passwd (read
     * inside {@code root}) and brings its primary group; a group name comes from /etc/group.
     *
     * @throws IllegalArgumentException naming the unknown user or group (the caller adds the line)
     */
    public static Ownership resolve(String chown, Path root) {
        int colon = chown.indexOf(':');
        String user = colon < 0 ? chown : chown.substring(0, colon);
        String group = colon < 0 ? null : chown.substring(colon + 1);
        if (user.isEmpty() || (group != null && group.isEmpty())) {
            throw new IllegalArgumentException("invalid --chown value '" + chown + "': expected user[:group]");
        }
        Integer uid = numeric(user);
        Integer gid = group == null ? uid : numeric(group);
        if (uid != null && gid != null) {
            return new Ownership(uid, gid);
        }
        try {
            RuntimeSpec.User u = UserResolver.of(root).resolve(chown, List.of());
            return new Ownership(u.uid(), u.gid());
        } catch (JcomposeException e) {
            throw new IllegalArgumentException("cannot resolve --chown=" + chown + ": " + e.getMessage(), e);
        }
    }

    private static Integer numeric(String s) {
        if (s.equals("root")) {
            return 0;
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long v = Long.parseLong(s);
        return v > 0xffff_fffeL ? null : (int) v;
    }
}
