package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.ExitCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Turns a registry's refusal of a push step into a {@link RegistryException} that says which step,
 * the distribution error code and message ({@code {"errors":[{"code":"NAME_UNKNOWN",...}]}}), and what
 * to do about it.
 */
final class RegistryErrors {
    private RegistryErrors() {}

    static RegistryException push(String what, URI base, int status, byte[] body) {
        ErrorBody e = ErrorBody.parse(body);
        String detail = e.code().isEmpty()
                ? (e.message().isEmpty() ? "" : ": " + e.message())
                : ": " + e.code() + (e.message().isEmpty() ? "" : " (" + e.message() + ")");
        return new RegistryException(
                what + " refused by " + base + ": HTTP " + status + detail,
                hint(e.code(), status, base),
                ExitCode.FAILURE,
                null);
    }

    private static String hint(String code, int status, URI base) {
        return switch (code) {
            case "UNAUTHORIZED" ->
                "log in (`docker login " + base.getAuthority() + "`) so ~/.docker/config.json has credentials";
            case "DENIED" ->
                "the user may not push to this repository: check its permissions, or push to " + "a repository you own";
            case "NAME_UNKNOWN" ->
                "the registry does not know this repository: create it there first, " + "or check the image name";
            case "NAME_INVALID", "TAG_INVALID" -> "check the image name and tag (`image:` of the service)";
            case "MANIFEST_INVALID", "MANIFEST_UNVERIFIED", "MANIFEST_BLOB_UNKNOWN" ->
                "the registry rejected "
                        + "the manifest: it may not accept this manifest type, or lost a blob; push again";
            case "BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN", "DIGEST_INVALID", "SIZE_INVALID" ->
                "the upload did not arrive intact; push again";
            case "UNSUPPORTED" -> "the registry does not accept pushes (a read-only registry or a mirror?)";
            default ->
                status == 405
                        ? "the registry does not accept pushes (a read-only registry or a mirror?)"
                        : status == 404
                                ? "check the image name (the registry may not have this repository)"
                                : "retry later; if it persists the registry is misbehaving";
        };
    }

    /** The first error of a distribution error body; empty fields when the body is not one. */
    private record ErrorBody(String code, String message) {
        static ErrorBody parse(byte[] body) {
            if (body == null || body.length == 0) {
                return new ErrorBody("", "");
            }
            try {
                JsonNode first =
                        Json.read(body, "registry error").path("errors").path(0);
                return new ErrorBody(Json.text(first, "code"), Json.text(first, "message"));
            } catch (ImageException notJson) {
                String text = new String(body, StandardCharsets.UTF_8).strip();
                return new ErrorBody("", text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
        }
    }
}
