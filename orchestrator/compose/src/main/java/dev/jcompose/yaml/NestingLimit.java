package dev.jcompose.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stops a document that nests collections deeper than {@link #MAX_DEPTH} levels before anything
 * recursive sees it. snakeyaml-engine's composer, and every tree walk after it (interpolation,
 * merge, normalisation, the JSON of the model), recurse once per level, so an unbounded depth ends
 * in a StackOverflowError. Counting on the event stream is iterative and costs nothing extra.
 *
 * <p>compose-go's parser allows 10,000 levels; jcompose refuses more than 500, with a clear error:
 * real compose files use about ten, and the model's JSON (Jackson, used for the engine's wire and
 * {@code config --format json}) refuses nesting beyond 1,000 anyway.
 */
final class NestingLimit implements Parser {
    static final int MAX_DEPTH = 500;

    private final Parser parser;
    private final String file;
    private int depth;

    NestingLimit(Parser parser, String file) {
        this.parser = parser;
        this.file = file;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > MAX_DEPTH) {
                    throw new ComposeFileException(
                            e.getStartMark()
                                    .map(m -> YamlReader.location(file, m))
                                    .orElse(Location.of(file)),
                            null,
                            "the document nests mappings and lists deeper than " + MAX_DEPTH + " levels",
                            "flatten the structure: compose files need only a few levels");
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {}
        }
        return e;
    }
}
