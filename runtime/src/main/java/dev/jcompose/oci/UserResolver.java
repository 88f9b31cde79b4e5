package dev.jcompose.oci;

import dev.jcompose.rootfs.RootfsPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns docker's {@code user} forms ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid},
 * mixes) and {@code group_add} into numeric ids, reading the container's own /etc/passwd and /etc/group.
 * Like docker, the user's supplementary groups are the groups of /etc/group listing its name.
 */
public final class UserResolver {
    private record Passwd(String name, int uid, int gid) {}

    private record Group(String name, int gid, List<String> members) {}

    private final List<Passwd> users;
    private final List<Group> groups;

    private UserResolver(List<Passwd> users, List<Group> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Reads the files of a root file system; a missing file is an empty database. */
    public static UserResolver of(Path rootfs) {
        return parse(read(RootfsPath.resolve(rootfs, "/etc/passwd")), read(RootfsPath.resolve(rootfs, "/etc/group")));
    }

    public static UserResolver parse(String passwd, String group) {
        List<Passwd> us = new ArrayList<>();
        for (String l : passwd.lines().toList()) {
            String[] f = l.split(":", -1);
            if (f.length >= 4 && isNumber(f[2]) && isNumber(f[3])) {
                us.add(new Passwd(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        }
        List<Group> gs = new ArrayList<>();
        for (String l : group.lines().toList()) {
            String[] f = l.split(":", -1);
            if (f.length >= 3 && isNumber(f[2])) {
                gs.add(new Group(
                        f[0],
                        Integer.parseInt(f[2]),
                        f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of()));
            }
        }
        return new UserResolver(us, gs);
    }

    public RuntimeSpec.User resolve(String user, List<String> groupAdd) {
        String u = user == null || user.isEmpty() ? "0" : user;
        int colon = u.indexOf(':');
        String userPart = colon < 0 ? u : u.substring(0, colon);
        Optional<Passwd> pw = users.stream()
                .filter(p -> isNumber(userPart) ? p.uid == Integer.parseInt(userPart) : p.name.equals(userPart))
                .findFirst();
        if (pw.isEmpty() && !isNumber(userPart)) {
            throw new SpecException(
                    "unable to find user " + userPart + ": no matching entries in passwd file",
                    "use a numeric uid, or a user the image's /etc/passwd defines");
        }
        int uid = pw.map(Passwd::uid).orElseGet(() -> Integer.parseInt(userPart));
        int gid = colon < 0 ? pw.map(Passwd::gid).orElse(0) : group(u.substring(colon + 1));
        TreeSet<Integer> extra = new TreeSet<>();
        pw.ifPresent(
                p -> groups.stream().filter(g -> g.members.contains(p.name)).forEach(g -> extra.add(g.gid)));
        for (String g : groupAdd) {
            extra.add(group(g));
        }
        extra.remove(gid);
        return new RuntimeSpec.User(uid, gid, extra.isEmpty() ? null : List.copyOf(extra));
    }

    private int group(String g) {
        if (isNumber(g)) {
            return Integer.parseInt(g);
        }
        return groups.stream()
                .filter(x -> x.name.equals(g))
                .findFirst()
                .map(Group::gid)
                .orElseThrow(() -> new SpecException(
                        "unable to find group " + g + ": no matching entries in group file",
                        "use a numeric gid, or a group the image's /etc/group defines"));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 11 && s.chars().allMatch(Character::isDigit);
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
