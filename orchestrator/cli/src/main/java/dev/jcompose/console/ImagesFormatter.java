package dev.jcompose.console;

import dev.jcompose.quantity.HumanSize;
import java.util.List;
import java.util.stream.Collectors;

/** {@code images} output: {@code CONTAINER REPOSITORY TAG IMAGE ID SIZE}. */
public final class ImagesFormatter {
    private ImagesFormatter() {}

    public static String table(List<ImageView> images) {
        Table table = Table.docker("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE");
        for (ImageView i : images) {
            table.row(
                    i.container(),
                    orNone(i.repository()),
                    orNone(i.tag()),
                    shortId(i.id()),
                    HumanSize.format(i.size(), 3));
        }
        return table.render();
    }

    /** {@code -q}: distinct short ids in order. */
    public static String quiet(List<ImageView> images) {
        return images.stream()
                .map(i -> shortId(i.id()))
                .distinct()
                .map(id -> id + "\n")
                .collect(Collectors.joining());
    }

    /** The first 12 hex digits of the id, without {@code sha256:}. */
    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }
}
