package dev.jcompose.progress;

import java.util.Objects;

/**
 * One update of one resource's progress, as the engine emits it and renderers show it.
 *
 * @param id       the resource as compose names it: {@code Container shop-web-1}, {@code Network shop_default},
 *                 {@code Volume shop_data}, {@code Image busybox:1.36}, or a layer id under an image
 * @param parentId the id this line is nested under (pull layers under their image), or empty
 * @param status   working, done, warning or error
 * @param text     the status word: Creating, Created, Started, Pulling, Downloading, Error...
 * @param detail   optional extra words after the text (an error message, a skip reason), or empty
 * @param current  bytes done so far (pulls), 0 when unknown
 * @param total    bytes expected (pulls), 0 when unknown
 */
public record ProgressEvent(
        String id, String parentId, ProgressStatus status, String text, String detail, long current, long total) {
    public ProgressEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        parentId = parentId == null ? "" : parentId;
        text = text == null ? "" : text;
        detail = detail == null ? "" : detail;
        if (current < 0 || total < 0) {
            throw new IllegalArgumentException("negative byte count for " + id + ": " + current + "/" + total);
        }
    }

    public static ProgressEvent working(String id, String text) {
        return new ProgressEvent(id, "", ProgressStatus.WORKING, text, "", 0, 0);
    }

    public static ProgressEvent done(String id, String text) {
        return new ProgressEvent(id, "", ProgressStatus.DONE, text, "", 0, 0);
    }

    public static ProgressEvent warning(String id, String text, String detail) {
        return new ProgressEvent(id, "", ProgressStatus.WARNING, text, detail, 0, 0);
    }

    public static ProgressEvent error(String id, String detail) {
        return new ProgressEvent(id, "", ProgressStatus.ERROR, "Error", detail, 0, 0);
    }

    /** A pull layer line under {@code imageId}, e.g. {@code Downloading} with 12.3MB of 45.6MB done. */
    public static ProgressEvent layer(
            String imageId, String layerId, ProgressStatus status, String text, long current, long total) {
        return new ProgressEvent(layerId, imageId, status, text, "", current, total);
    }

    public static String container(String name) {
        return "Container " + name;
    }

    public static String network(String name) {
        return "Network " + name;
    }

    public static String volume(String name) {
        return "Volume " + name;
    }

    public static String image(String reference) {
        return "Image " + reference;
    }

    public boolean hasParent() {
        return !parentId.isEmpty();
    }

    /** The text and the detail, as one status column. */
    public String statusText() {
        return detail.isEmpty() ? text : text.isEmpty() ? detail : text + " " + detail;
    }

    /** Percentage 0..100 of the bytes done; 100 once finished. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(100, current * 100 / total);
    }
}
