package dev.jcompose.examples;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the two suite-scoped classes saw: one project name, whichever class ran first. */
final class SharedSuiteStack {
    private static final Set<String> PROJECTS = ConcurrentHashMap.newKeySet();

    private SharedSuiteStack() {}

    static void seen(String project) {
        PROJECTS.add(project);
    }

    static Set<String> projects() {
        return Set.copyOf(PROJECTS);
    }
}
