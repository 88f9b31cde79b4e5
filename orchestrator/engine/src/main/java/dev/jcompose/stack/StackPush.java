package dev.jcompose.stack;

import dev.jcompose.JcomposeException;
import dev.jcompose.api.PushOptions;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.PushListener;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code push}, as docker compose does it: only a service that builds its image and names it
 * ({@code build:} and {@code image:}) has something of its own to push, its {@code image} and its
 * {@code build.tags}; every other selected service is reported {@code Skipped}. Each tag is pushed in
 * turn with a line per blob; a failure ends the command, or with {@code ignoreFailures} is a warning.
 */
final class StackPush {
    private final ImageSource images;

    StackPush(ImageSource images) {
        this.images = images;
    }

    void push(Project project, PushOptions options, StackListener listener) {
        String p = project.name();
        List<String> tags = new ArrayList<>();
        project.services().forEach((name, s) -> {
            if (!options.services().isEmpty() && !options.services().contains(name)) {
                return;
            }
            if (s.build() == null || s.image() == null || s.image().isEmpty()) {
                listener.onEvent(new StackEvent("", name, "Skipped", "", p));
            } else {
                tags.addAll(tagsOf(s));
            }
        });
        for (String tag : tags) {
            listener.onEvent(new StackEvent("Image", tag, "Pushing", "", p));
            try {
                images.push(tag, blobs(listener, p));
            } catch (JcomposeException e) {
                if (!options.ignoreFailures()) {
                    listener.onEvent(new StackEvent("Image", tag, "Error", e.getMessage(), p));
                    throw e;
                }
                listener.onEvent(new StackEvent("Image", tag, "Warning", e.getMessage(), p));
                continue;
            }
            listener.onEvent(new StackEvent("Image", tag, "Pushed", "", p));
        }
    }

    private static Set<String> tagsOf(ServiceConfig s) {
        Set<String> out = new LinkedHashSet<>();
        out.add(s.image());
        out.addAll(s.build().tags());
        return out;
    }

    /** docker's per-layer lines, by the blob's short digest: Pushing, Pushed, Layer already exists, Mounted from. */
    private static PushListener blobs(StackListener listener, String project) {
        return new PushListener() {
            @Override
            public void pushing(Descriptor blob) {
                tell(blob, "Pushing", "");
            }

            @Override
            public void pushed(Descriptor blob) {
                tell(blob, "Pushed", "");
            }

            @Override
            public void alreadyExists(Descriptor blob) {
                tell(blob, "Layer already exists", "");
            }

            @Override
            public void mounted(Descriptor blob, String fromRepository) {
                tell(blob, "Mounted from", fromRepository);
            }

            private void tell(Descriptor blob, String status, String detail) {
                listener.onEvent(new StackEvent("", blob.digest().shortHex(), status, detail, project));
            }
        };
    }
}
