package dev.jcompose.dockerfile;

import java.util.List;

/**
 * One build stage: its FROM and the instructions after it, up to the next FROM.
 *
 * @param index the stage's position in the file, from 0 ({@code COPY --from=0} names it)
 * @param name  the {@code AS} name, lower-cased; null when unnamed
 */
public record Stage(int index, String name, Instruction.From from, List<Instruction> instructions) {
    public Stage {
        instructions = List.copyOf(instructions);
    }
}
