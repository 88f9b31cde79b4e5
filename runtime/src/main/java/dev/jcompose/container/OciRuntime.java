package dev.jcompose.container;

import java.nio.file.Path;

/** An OCI runtime binary (runc or crun) that was found to work on this host. */
public record OciRuntime(String name, Path path, String version) {}
