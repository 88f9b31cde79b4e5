package dev.jcompose.network;

import java.util.Optional;

/**
 * Who is working on a journal record: "pid@start-instant" of the process. Recovery only touches
 * records whose owner is gone, so starting a second jcompose never undoes the first one's work in
 * progress; the start instant guards against a recycled pid.
 */
final class ProcessOwner {
    private ProcessOwner() {}

    static String self() {
        return id(ProcessHandle.current());
    }

    static boolean alive(String owner) {
        if (owner == null || !owner.contains("@")) {
            return false;
        }
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive() && id(h.get()).equals(owner);
    }

    private static String id(ProcessHandle h) {
        return h.pid() + "@" + h.info().startInstant().map(Object::toString).orElse("?");
    }
}
