package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ImageRemovalScope;
import dev.jcompose.stack.ImageRemoval.ServiceImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code down --rmi}: which images go. */
class ImageRemovalTest {
    private static final List<ServiceImage> SERVICES = List.of(
            new ServiceImage("web", "nginx:1"),
            new ServiceImage("api", null),
            new ServiceImage("worker", "nginx:1"),
            new ServiceImage("db", ""),
            new ServiceImage("cache", "docker.io/library/redis:7"));

    @Test
    void allRemovesEveryServicesImageOnce() {
        assertThat(ImageRemoval.choose(ImageRemovalScope.ALL, "shop", SERVICES))
                .containsExactly("docker.io/library/redis:7", "nginx:1", "shop-api", "shop-db");
    }

    @Test
    void localRemovesOnlyImagesWithoutACustomTag() {
        assertThat(ImageRemoval.choose(ImageRemovalScope.LOCAL, "shop", SERVICES))
                .containsExactly("shop-api", "shop-db");
    }

    @Test
    void aContainerRemembersWhetherItsImageHadACustomTag() {
        assertThat(ImageRemoval.ofContainer("shop", "api", "shop-api")).isEqualTo(new ServiceImage("api", null));
        assertThat(ImageRemoval.ofContainer("shop", "web", "nginx:1")).isEqualTo(new ServiceImage("web", "nginx:1"));
    }

    @Test
    void theScopeIsLocalOrAll() {
        assertThat(ImageRemovalScope.parse(null)).isNull();
        assertThat(ImageRemovalScope.parse("local")).isEqualTo(ImageRemovalScope.LOCAL);
        assertThat(ImageRemovalScope.parse("all")).isEqualTo(ImageRemovalScope.ALL);
        assertThatThrownBy(() -> new DownOptions(false, false, null, "some"))
                .hasMessage("invalid value for --rmi: \"some\"");
    }
}
