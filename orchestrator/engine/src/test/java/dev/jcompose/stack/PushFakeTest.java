package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.PushOptions;
import dev.jcompose.image.RegistryException;
import dev.jcompose.model.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code push} as docker compose does it: built-and-named images only, build.tags too, failures per flag.
 * (A build-only service, skipped too, cannot be loaded until builds land.)
 */
class PushFakeTest {
    private static final String STACK = """
            services:
              app:
                build:
                  context: .
                  tags: ["127.0.0.1:5000/team/app:extra"]
                image: 127.0.0.1:5000/team/app:1
                depends_on: [db]
              db:
                image: 127.0.0.1:5000/team/db:1
              cache:
                image: 127.0.0.1:5000/team/cache:1
            """;

    @Test
    void pushesTheImagesServicesBuildAndSkipsTheRest() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("push", STACK);
            fx.compose.push(project, new PushOptions(List.of(), false), fx.listener());
            assertThat(fx.images.pushes())
                    .containsExactly("127.0.0.1:5000/team/app:1", "127.0.0.1:5000/team/app:extra");
            assertThat(fx.rendered())
                    .containsExactly(
                            "cache Skipped",
                            "db Skipped",
                            "Image 127.0.0.1:5000/team/app:1 Pushing",
                            "Image 127.0.0.1:5000/team/app:1 Pushed",
                            "Image 127.0.0.1:5000/team/app:extra Pushing",
                            "Image 127.0.0.1:5000/team/app:extra Pushed");

            fx.clearEvents();
            fx.compose.push(project, new PushOptions(List.of("db"), false), fx.listener());
            assertThat(fx.rendered()).containsExactly("db Skipped");
            assertThat(fx.images.pushes()).hasSize(2);
        }
    }

    @Test
    void aFailedPushEndsTheCommandUnlessFailuresAreIgnored() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("push", STACK);
            fx.images.failPush("127.0.0.1:5000/team/app:1", new RegistryException("push refused", "log in"));
            assertThatThrownBy(() -> fx.compose.push(project, new PushOptions(List.of("app"), false), fx.listener()))
                    .hasMessage("push refused");
            assertThat(fx.rendered()).endsWith("Image 127.0.0.1:5000/team/app:1 Error push refused");
            assertThat(fx.images.pushes()).isEmpty();

            fx.clearEvents();
            fx.compose.push(project, new PushOptions(List.of("app"), true), fx.listener());
            assertThat(fx.rendered())
                    .containsExactly(
                            "Image 127.0.0.1:5000/team/app:1 Pushing",
                            "Image 127.0.0.1:5000/team/app:1 Warning push refused",
                            "Image 127.0.0.1:5000/team/app:extra Pushing",
                            "Image 127.0.0.1:5000/team/app:extra Pushed");
            assertThat(fx.images.pushes()).containsExactly("127.0.0.1:5000/team/app:extra");
        }
    }
}
