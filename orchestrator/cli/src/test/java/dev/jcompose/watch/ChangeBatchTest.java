package dev.jcompose.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The debounce on a clock the test turns: a batch leaves once no change came for the quiet period. */
class ChangeBatchTest {
    static final long MS = 1_000_000;

    @Test
    void changesGatherUntilTheQuietPeriodPassesAndLeaveOnceSortedAndUnique() {
        ChangeBatch batch = new ChangeBatch(Duration.ofMillis(150));
        assertThat(batch.deadline()).isEmpty();
        assertThat(batch.takeIfQuiet(0)).isEmpty();
        batch.add(Path.of("/s/b"), 1000 * MS);
        batch.add(Path.of("/s/a"), 1100 * MS);
        batch.add(Path.of("/s/b"), 1200 * MS);
        assertThat(batch.deadline()).hasValue(1350 * MS);
        assertThat(batch.takeIfQuiet(1349 * MS))
                .as("a change 149 ms ago keeps it open")
                .isEmpty();
        assertThat(batch.takeIfQuiet(1350 * MS)).containsExactly(Path.of("/s/a"), Path.of("/s/b"));
        assertThat(batch.takeIfQuiet(2000 * MS)).isEmpty();
        assertThat(batch.deadline()).isEmpty();
    }

    @Test
    void eachChangeMovesTheDeadline() {
        ChangeBatch batch = new ChangeBatch(Duration.ofMillis(100));
        for (long t = 0; t < 1000; t += 50) {
            batch.add(Path.of("/s/f" + t), t * MS);
            assertThat(batch.takeIfQuiet(t * MS + 99 * MS)).isEmpty();
        }
        assertThat(batch.takeIfQuiet(1050 * MS)).hasSize(20);
    }
}
