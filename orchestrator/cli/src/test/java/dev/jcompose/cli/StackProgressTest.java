package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.StackEvent;
import dev.jcompose.progress.ProgressEvent;
import dev.jcompose.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

class StackProgressTest {
    @Test
    void workingDoneErrorAndWarnings() {
        assertThat(StackProgress.of(StackEvent.container("shop-web-1", "Starting")))
                .contains(new ProgressEvent("Container shop-web-1", "", ProgressStatus.WORKING, "Starting", "", 0, 0));
        assertThat(StackProgress.of(StackEvent.container("shop-web-1", "Healthy"))
                        .orElseThrow()
                        .status())
                .isEqualTo(ProgressStatus.DONE);
        assertThat(StackProgress.of(new StackEvent("Network", "shop_default", "Error", "no free subnet")))
                .contains(new ProgressEvent(
                        "Network shop_default", "", ProgressStatus.ERROR, "Error", "no free subnet", 0, 0));
        StackEvent warning = new StackEvent("Warning", "shop", "Warning", "orphan containers found");
        assertThat(StackProgress.of(warning)).isEmpty();
        assertThat(StackProgress.message(warning)).isEqualTo("WARN[0000] orphan containers found");
    }
}
