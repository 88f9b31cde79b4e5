package dev.jcompose.build;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an image config's {@code history}.
 *
 * @param created    when the step ran (see {@link ImageDraft} for the rule), or null when unknown
 * @param createdBy  the instruction, as BuildKit writes it (see {@link #run} and {@link #copy})
 * @param author     {@code ""} when none
 * @param comment    {@code ""} when none
 * @param emptyLayer true when the step made no layer (metadata only, or a RUN that changed nothing)
 */
public record HistoryEntry(Instant created, String createdBy, String author, String comment, boolean emptyLayer) {
    public HistoryEntry {
        createdBy = Objects.requireNonNull(createdBy, "createdBy");
        author = author == null ? "" : author;
        comment = comment == null ? "" : comment;
    }

    public HistoryEntry(Instant created, String createdBy, boolean emptyLayer) {
        this(created, createdBy, "", "", emptyLayer);
    }

    /**
     * BuildKit's text for a RUN: {@code RUN /bin/sh -c make # buildkit}, and with build arguments in
     * scope {@code RUN |2 A=1 B=2 /bin/sh -c make # buildkit} (count, then name=value in the given order).
     *
     * @param argv the command as executed: the SHELL plus the script for the shell form
     */
    public static String run(java.util.List<String> argv, java.util.SequencedMap<String, String> buildArgs) {
        StringBuilder sb = new StringBuilder("RUN ");
        if (!buildArgs.isEmpty()) {
            sb.append('|').append(buildArgs.size());
            buildArgs.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append(' ');
        }
        return sb.append(String.join(" ", argv)).append(" # buildkit").toString();
    }

    /** BuildKit's text for COPY or ADD: {@code COPY app /app # buildkit} ({@code instruction} is COPY or ADD). */
    public static String copy(String instruction, java.util.List<String> sources, String destination) {
        return instruction + " " + String.join(" ", sources) + " " + destination + " # buildkit";
    }
}
