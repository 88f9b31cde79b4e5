package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ImageRemovalScope;
import dev.jcompose.container.HostImages;
import dev.jcompose.stack.ImageRemoval.ServiceImage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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

    @Test
    void theRuntimesRemovalIsReportedAsComposeDoes() {
        List<String> events = new ArrayList<>();
        ImageRemoval.report(
                new HostImages.Removals(
                        List.of(
                                new HostImages.Removal.InUse(
                                        "busybox:1.36", "docker.io/library/busybox:1.36", List.of("a-1", "b-1")),
                                new HostImages.Removal.Absent("shop-api"),
                                new HostImages.Removal.Removed(
                                        "tool:1", List.of("docker.io/library/tool:1"), new TreeSet<>())),
                        new TreeSet<>()),
                e -> events.add(e.render()));

        assertThat(events)
                .containsExactly(
                        "Image busybox:1.36 Warning Resource is still in use (by a-1, b-1)",
                        "Image shop-api Warning No resource found to remove",
                        "Image tool:1 Removing",
                        "Image tool:1 Removed");
    }
}
