package dev.jcompose.observe;

/**
 * The labels docker compose puts on the containers, networks and volumes it creates; jcompose uses
 * the same keys so that {@code ps}, {@code down} and a later {@code up} recognise what an earlier run
 * made, and so that tooling written for docker compose keeps working.
 */
public final class Labels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    /** {@code True} on containers made by {@code run}, {@code False} on service containers. */
    public static final String ONEOFF = "com.docker.compose.oneoff";
    /** The digest of the image the container was created from. */
    public static final String IMAGE = "com.docker.compose.image";

    public static final String NETWORK = "com.docker.compose.network";
    public static final String VOLUME = "com.docker.compose.volume";
    public static final String VERSION = "com.docker.compose.version";
    public static final String DEPENDS_ON = "com.docker.compose.depends_on";
    public static final String REPLACE = "com.docker.compose.replace";
    /**
     * The compose files (absolute, comma-separated) and the project directory a container was created
     * from, for {@code ls}. Set at create and, as in docker compose, not part of the config hash: running
     * the same project from another path or with the files in another place recreates nothing.
     */
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";

    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";

    /** Separator of generated names: {@code <project>-<service>-<number>}. */
    public static final String SEPARATOR = "-";

    /** Separator of docker-compose v1's names, {@code <project>_<service>_<number>} ({@code --compatibility}). */
    public static final String V1_SEPARATOR = "_";

    private Labels() {}

    /** The name compose gives a service container: {@code container_name}, else {@code project-service-n}. */
    public static String containerName(String project, String service, String containerName, int number) {
        return containerName(project, service, containerName, number, SEPARATOR);
    }

    /** As {@link #containerName(String, String, String, int)}, the generated name joined by {@code separator}. */
    public static String containerName(
            String project, String service, String containerName, int number, String separator) {
        if (containerName != null && !containerName.isEmpty()) {
            return containerName;
        }
        return project + separator + service + separator + number;
    }
}
