package dev.jcompose.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build of jcompose this process is: {@code version} ({@code 0.1.0-SNAPSHOT}) and {@code build},
 * the version plus the time Maven built it, baked into {@code build.properties} at build time. The
 * launcher runs a copy of the jar per build, so after a rebuild the host's engine may still run the
 * previous one: the {@code hello} handshake compares builds, since two builds may disagree on the
 * wire format or on the meaning of state files while speaking the same protocol number.
 */
public record BuildIdentity(String version, String build) {
    static final String RESOURCE = "build.properties";
    /** Classes compiled without Maven's resource filtering (an IDE): all such builds look alike. */
    static final String UNFILTERED = "dev";

    public static BuildIdentity current() {
        try (InputStream in = BuildIdentity.class.getResourceAsStream(RESOURCE)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jcompose classes", e);
        }
    }

    static BuildIdentity of(Properties p) {
        return new BuildIdentity(filtered(p.getProperty("version")), filtered(p.getProperty("build")));
    }

    private static String filtered(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNFILTERED : value;
    }
}
