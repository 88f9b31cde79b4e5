package dev.jcompose.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressEventTest {
    @Test
    void namesResourcesLikeCompose() {
        assertThat(ProgressEvent.container("shop-web-1")).isEqualTo("Container shop-web-1");
        assertThat(ProgressEvent.network("shop_default")).isEqualTo("Network shop_default");
        assertThat(ProgressEvent.volume("shop_data")).isEqualTo("Volume shop_data");
        assertThat(ProgressEvent.image("busybox:1.36")).isEqualTo("Image busybox:1.36");
    }

    @Test
    void statusTextJoinsTextAndDetail() {
        assertThat(ProgressEvent.done("a", "Started").statusText()).isEqualTo("Started");
        assertThat(ProgressEvent.error("a", "boom").statusText()).isEqualTo("Error boom");
        assertThat(new ProgressEvent("a", null, ProgressStatus.WARNING, "", "Skipped", 0, 0).statusText())
                .isEqualTo("Skipped");
    }

    @Test
    void rejectsNegativeBytes() {
        assertThatThrownBy(() -> new ProgressEvent("x", "", ProgressStatus.WORKING, "", "", -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative byte count for x: -1/0");
    }

    @ParameterizedTest
    @CsvSource({"WORKING,0,0,0", "WORKING,5,10,50", "WORKING,20,10,100", "DONE,0,0,100", "ERROR,1,10,100"})
    void percent(ProgressStatus status, long current, long total, int expected) {
        assertThat(new ProgressEvent("l", "p", status, "", "", current, total).percent())
                .isEqualTo(expected);
    }

    @Test
    void pullBarFollowsDockerJsonMessage() {
        assertThat(PullBar.render(0, 0)).isEmpty();
        assertThat(PullBar.render(1_500_000, 0)).isEqualTo("   1.5MB");
        assertThat(PullBar.render(12_300_000, 45_600_000))
                .isEqualTo("[=============>                                     ]   12.3MB/45.6MB");
        assertThat(PullBar.render(45_600_000, 45_600_000))
                .isEqualTo("[==================================================>]   45.6MB/45.6MB");
        assertThat(PullBar.counts(50_000_000, 45_600_000)).isEqualTo("    50MB");
    }
}
