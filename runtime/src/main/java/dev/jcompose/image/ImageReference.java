package dev.jcompose.image;

import dev.jcompose.content.Digest;
import dev.jcompose.content.InvalidDigestException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference normalised the way docker does ({@code redis} is
 * {@code docker.io/library/redis:latest}), following distribution/reference's grammar:
 * {@code [domain/]path[:tag][@digest]}.
 *
 * @param domain registry host with optional port, {@code docker.io} by default
 * @param path   repository path, lowercase, {@code library/} prefixed for docker.io official images
 * @param tag    the tag, or {@code null}; {@code latest} when neither tag nor digest is given
 * @param digest the digest, or {@code null}
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST =
            Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
    private static final int NAME_MAX = 255;

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
    }

    /** Parses and normalises a reference as {@code docker pull} would. */
    public static ImageReference parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new InvalidReferenceException(text, "the reference is empty", "name an image, e.g. \"redis:7\"");
        }
        if (IDENTIFIER.matcher(text).matches()) {
            throw new InvalidReferenceException(
                    text,
                    "a 64-digit hex string is an image ID, not a name",
                    "write \"sha256:" + text + "\" to mean the ID, or name the repository");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = parseDigest(text, rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidReferenceException(
                        text,
                        "invalid tag \"" + tag + "\"",
                        "a tag is up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
            }
        }
        return normalise(text, rest, tag, digest);
    }

    private static Digest parseDigest(String text, String d) {
        if (!DIGEST.matcher(d).matches()) {
            throw new InvalidReferenceException(
                    text, "invalid digest \"" + d + "\"", "write the digest as sha256:<64 hex digits> after '@'");
        }
        try {
            return Digest.parse(d);
        } catch (InvalidDigestException e) {
            throw new InvalidReferenceException(text, e.getMessage(), e.hint());
        }
    }

    private static ImageReference normalise(String text, String name, String tag, Digest digest) {
        if (name.isEmpty()) {
            throw new InvalidReferenceException(
                    text, "the repository name is empty", "name an image, e.g. \"redis:7\"");
        }
        String domain;
        String path;
        int slash = name.indexOf('/');
        String first = slash < 0 ? name : name.substring(0, slash);
        // Like docker: the first component is a registry host if it looks like one.
        if (slash < 0
                || (!first.contains(".")
                        && !first.contains(":")
                        && !first.equals("localhost")
                        && first.toLowerCase(Locale.ROOT).equals(first))) {
            domain = DOCKER_HUB;
            path = name;
        } else {
            domain = first;
            path = name.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidReferenceException(
                    text,
                    "invalid registry host \"" + domain + "\"",
                    "write the registry as host[:port], e.g. \"localhost:5000/app\"");
        }
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        validatePath(text, path);
        if (domain.length() + 1 + path.length() > NAME_MAX) {
            throw new InvalidReferenceException(
                    text, "the repository name is longer than " + NAME_MAX + " characters", "use a shorter name");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(domain, path, tag, digest);
    }

    private static void validatePath(String text, String path) {
        if (!path.toLowerCase(Locale.ROOT).equals(path)) {
            throw new InvalidReferenceException(
                    text,
                    "repository name \"" + path + "\" must be lowercase",
                    "write \"" + path.toLowerCase(Locale.ROOT) + "\"");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw new InvalidReferenceException(
                        text,
                        component.isEmpty()
                                ? "repository name \"" + path + "\" has an empty path component"
                                : "invalid repository path component \"" + component + "\"",
                        "path components are lowercase letters and digits, separated by '.', '_', '__' or '-'");
            }
        }
    }

    /** {@code domain/path}: the repository, without tag or digest. */
    public String repository() {
        return domain + "/" + path;
    }

    public Optional<String> tagOptional() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digestOptional() {
        return Optional.ofNullable(digest);
    }

    /** What to ask the registry for: the digest when there is one (it pins the content), else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** The short form docker prints: {@code redis:latest} for {@code docker.io/library/redis:latest}. */
    public String familiar() {
        String name = repository();
        if (domain.equals(DOCKER_HUB)) {
            name = path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
        }
        return name + suffix();
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    /** The same repository with another digest and no tag ({@code repo@sha256:...}). */
    public ImageReference withDigestOnly(Digest d) {
        return new ImageReference(domain, path, null, d);
    }

    /** The fully qualified form, e.g. {@code docker.io/library/redis:latest}. */
    @Override
    public String toString() {
        return repository() + suffix();
    }
}
