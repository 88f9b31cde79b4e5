package dev.jcompose.dockerfile;

/**
 * A here-document ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}) of RUN or COPY/ADD.
 *
 * @param name    the delimiter word (for COPY it is the file name created)
 * @param content the lines between the instruction and the delimiter, each ending in a newline; leading
 *                tabs already removed for {@code <<-}
 * @param expand  false when the delimiter was quoted: no variable substitution in the content
 */
public record Heredoc(String name, String content, boolean expand) {}
