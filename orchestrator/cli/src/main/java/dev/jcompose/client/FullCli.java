package dev.jcompose.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole CLI, run in this process when the engine cannot take the command. The launcher leaves the
 * big jar off the class path when it expects the engine to take it (mapping an ahead-of-time cache of
 * the client alone is what makes a thin command fast), so the CLI comes from the class path when it is
 * there, else from {@value #JAR} beside the client's jar, through a loader of its own.
 */
final class FullCli {
    /** The big jar's name in the distribution's {@code lib}, beside {@code jcompose-client.jar}. */
    static final String JAR = "jcompose.jar";

    static final String MAIN = "dev.jcompose.cli.Main";

    private FullCli() {}

    static void run(String[] args) {
        Class<?> main;
        try {
            main = load(MAIN, FullCli.class.getClassLoader(), clientJar());
        } catch (IllegalStateException brokenInstall) {
            System.err.println(brokenInstall.getMessage());
            System.exit(1);
            return;
        }
        Thread.currentThread().setContextClassLoader(main.getClassLoader());
        try {
            MethodHandle entry = MethodHandles.publicLookup()
                    .findStatic(main, "main", MethodType.methodType(void.class, String[].class));
            entry.invoke((Object) args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("jcompose: the CLI failed to start: " + e, e);
        }
    }

    /** The class {@code name} (the CLI's main): from {@code loader} when it has it, else from the jar beside {@code clientJar}. */
    static Class<?> load(String name, ClassLoader loader, Path clientJar) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException notOnClassPath) {
            Path jar = clientJar == null ? null : clientJar.resolveSibling(JAR);
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalStateException("jcompose: the CLI's classes are not on the class path and "
                        + (jar == null ? "this client is not in a jar" : jar + " does not exist")
                        + "; reinstall jcompose (lib/ holds " + JAR + " beside jcompose-client.jar)");
            }
            try {
                URLClassLoader cli = new URLClassLoader(
                        "jcompose-cli", new URL[] {jar.toUri().toURL()}, loader);
                return Class.forName(name, true, cli);
            } catch (ClassNotFoundException | MalformedURLException e) {
                throw new IllegalStateException("jcompose: " + jar + " holds no " + name + "; reinstall jcompose", e);
            }
        }
    }

    /** The jar this class came from, or null when it came from a directory (tests). */
    static Path clientJar() {
        try {
            var source = FullCli.class.getProtectionDomain().getCodeSource();
            Path p = source == null ? null : Path.of(source.getLocation().toURI());
            return p != null && Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
