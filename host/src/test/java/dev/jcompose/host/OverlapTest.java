package dev.jcompose.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Two pieces of host work run at once, both always, and a failure of either is thrown. */
class OverlapTest {
    @Test
    void bothRunAtOnce() {
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean firstSawSecond = new AtomicBoolean();

        Overlap.together(
                () -> {
                    try {
                        // run one after the other, this would wait its whole deadline and see nothing
                        firstSawSecond.set(secondStarted.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                secondStarted::countDown);

        assertThat(firstSawSecond).isTrue();
    }

    @Test
    void theSecondRunsWhenTheFirstFailsAndTheFirstsFailureIsThrown() {
        AtomicBoolean secondRan = new AtomicBoolean();
        IllegalStateException second = new IllegalStateException("veth");

        assertThatThrownBy(() -> Overlap.together(
                        () -> {
                            throw new IllegalStateException("runtime delete");
                        },
                        () -> {
                            secondRan.set(true);
                            throw second;
                        }))
                .hasMessage("runtime delete")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(secondRan).isTrue();
    }

    @Test
    void theSecondsFailureIsThrownWhenTheFirstSucceeds() {
        AtomicBoolean firstRan = new AtomicBoolean();

        assertThatThrownBy(() -> Overlap.together(() -> firstRan.set(true), () -> {
                    throw new IllegalStateException("netns unmount");
                }))
                .hasMessage("netns unmount");
        assertThat(firstRan).isTrue();
    }
}
